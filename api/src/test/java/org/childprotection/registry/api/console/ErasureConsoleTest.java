package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.ZHAO;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * Erasure in the web console (docs/erasure.md): one supervisor asks, somebody else decides, and the case file then
 * shows what was done without anybody in it (its timeline and caseload line too), or, declined, as it was; a refusal
 * shows the registry's detail and writes nothing; the retention list shows supervisors and oversight the closed cases
 * due, in both languages. Every closed case is due at once here ({@code P0D}).
 */
@TestPropertySource(properties = "registry.privacy.retention=P0D")
class ErasureConsoleTest extends ConsoleTestBase {

    @Test
    void a_supervisor_asks_another_approves_and_the_case_file_shows_the_case_erased_in_both_languages() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        fillErasureRequest(c, "REGISTERED_IN_ERROR", "同一儿童重复登记");
        submit();
        browser.waitForText(By.cssSelector(".flash"), "申请删除");
        assertThat(browser.text(By.id("erasure-pending"))).contains("wang.supervisor", "误登记", "同一儿童重复登记",
                "须由他人审批");
        assertThat(browser.all(By.cssSelector("button[data-command='erasure/decision']"))).isEmpty();
        assertThat(browser.all(By.cssSelector("button[data-command='erasure']"))).isEmpty();

        browser.signInAs(ZHAO);
        fillErasureDecision(c, true, "核实为重复登记");
        browser.screenshot("erasure-decision");
        submit();
        browser.waitForText(By.cssSelector(".flash"), "删除审批");
        assertThat(browser.text(By.id("erased"))).contains("个人信息已删除");
        assertThat(browser.text(By.cssSelector(".case-head h1"))).isEqualTo("已删除的案件");
        assertThat(browser.text(By.cssSelector("dl.details"))).contains("已删除").doesNotContain("王小明");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-status]")).getAttribute("data-status"))
                .isEqualTo("CLOSED");
        assertThat(browser.all(By.cssSelector("button[data-command]"))).isEmpty();
        browser.screenshot("erased-case");

        browser.click(By.linkText("时间线"));
        browser.waitForText(By.id("erased"), "个人信息已删除");
        assertThat(browser.text(By.cssSelector("li.event[data-type='ErasureRequested']")))
                .contains("申请删除", "wang.supervisor");
        assertThat(browser.text(By.cssSelector("li.event[data-type='ErasureApproved']")))
                .contains("批准删除", "zhao.supervisor");
        assertThat(browser.pageText()).doesNotContain("王小明", "同一儿童重复登记", "核实为重复登记");

        browser.go("/");
        browser.type(By.id("filter-villageCode"), c.village());
        browser.applyFilters();
        assertThat(browser.all(By.cssSelector("table.list tbody tr"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("已删除的案件", "已结案"));
        browser.click(By.linkText("已删除的案件"));
        browser.waitForText(By.id("erased"), "个人信息已删除");

        browser.click(By.cssSelector("button.lang"));
        browser.waitForText(By.id("erased"), "personal data has been erased");
        assertThat(browser.text(By.cssSelector(".case-head h1"))).isEqualTo("Erased case");
        assertThat(steps.file(WANG, c).get("erased").asBoolean()).isTrue();
    }

    @Test
    void a_request_without_a_reason_or_on_a_basis_the_open_case_does_not_allow_is_refused_and_nothing_is_written() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        long events = steps.events();
        browser.signInAs(WANG);
        fillErasureRequest(c, "COURT_ORDER", "");
        submit();
        browser.waitFor(By.cssSelector(".field.invalid[data-field='reason'] .field-error"));

        browser.fill("reason", "法院裁定删除");
        submit();
        browser.waitForText(By.cssSelector("form.command .alert"), "Only a closed case can be erased");
        assertThat(browser.text(By.cssSelector("form.command .alert"))).startsWith("登记系统拒绝了此操作");
        assertThat(browser.all(By.id("erasure-pending"))).isEmpty();
        assertThat(steps.events()).as("nothing written").isEqualTo(events);
    }

    @Test
    void an_oversight_official_declines_and_the_case_stays_as_it_was() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        fillErasureRequest(closed, "COURT_ORDER", "法院裁定删除");
        submit();
        browser.waitFor(By.id("erasure-pending"));

        browser.signInAs(CHEN);
        fillErasureDecision(closed, false, "裁定书未送达");
        submit();
        browser.waitForText(By.cssSelector(".flash"), "删除审批");
        assertThat(browser.all(By.id("erasure-pending"))).isEmpty();
        assertThat(browser.all(By.id("erased"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".case-head h1"))).isEqualTo("王小明");

        browser.signInAs(WANG);
        browser.go("/cases/" + closed.id());
        assertThat(browser.waitFor(By.cssSelector("button[data-command='erasure']")).getText()).isEqualTo("申请删除");
        assertThat(steps.file(WANG, closed).get("erased").asBoolean()).isFalse();
    }

    @Test
    void the_retention_list_shows_the_cases_due_and_a_supervisor_asks_for_an_erasure_from_it() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.click(By.cssSelector("nav.main a[href='#/privacy']"));
        browser.waitForText(By.id("privacy-due"), closed.id());
        assertThat(browser.text(By.id("privacy-due"))).contains("结案后", closed.village());
        browser.click(By.cssSelector("button[data-request='" + closed.id() + "']"));
        assertThat(browser.waitFor(By.cssSelector("#erasure-request select[name=basis]")).getAttribute("value"))
                .isEqualTo("RETENTION_EXPIRED");
        browser.fill("reason", "结案已满保存期限");
        browser.screenshot("retention-request");
        browser.click(By.cssSelector("#erasure-request form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "已申请删除案件");
        browser.waitForText(By.id("privacy-due"), "已申请，等待审批");
        assertThat(browser.all(By.cssSelector("button[data-request='" + closed.id() + "']"))).isEmpty();

        browser.signInAs(CHEN);
        browser.click(By.cssSelector("button.lang"));
        browser.click(By.cssSelector("nav.main a[href='#/privacy']"));
        browser.waitForText(By.id("privacy-due"), closed.id());
        assertThat(browser.text(By.id("privacy-due"))).contains("Requested: awaits a decision", "after closure");
        fillErasureDecision(closed, true, "");
        submit();
        browser.waitForText(By.id("erased"), "personal data has been erased");
        assertThat(steps.file(WANG, closed).get("erased").asBoolean()).isTrue();

        // the log's leaves cover the sealed fields: the erased case's proofs still verify, without its key
        ProjectionsAwait.caughtUp(new Reconciliation(jdbc));
        browser.go("/cases/" + closed.id() + "/timeline");
        browser.waitFor(By.cssSelector("#integrity:not([data-state='checking'])"));
        assertThat(browser.waitFor(By.id("integrity")).getAttribute("data-state")).isEqualTo("verified");
        assertThat(browser.text(By.id("erased"))).contains("personal data has been erased");
    }

    /** The erasure request on the case file, filled in and not yet sent. */
    private void fillErasureRequest(Case c, String basis, String reason) {
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='erasure']"));
        browser.choose("basis", basis);
        browser.fill("reason", reason);
    }

    private void fillErasureDecision(Case c, boolean approve, String note) {
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='erasure/decision']"));
        browser.choose("approve", String.valueOf(approve));
        browser.fill("note", note);
    }

    private void submit() {
        browser.click(By.cssSelector("form.command button[type=submit]"));
    }
}

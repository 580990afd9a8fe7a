package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.CaseSteps.Case;
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
 * shows what was done without anybody in it; the retention list shows supervisors and oversight the closed cases
 * due, in both languages. Every closed case is due at once here ({@code P0D}).
 */
@TestPropertySource(properties = "registry.privacy.retention=P0D")
class ErasureConsoleTest extends ConsoleTestBase {

    @Test
    void a_supervisor_asks_another_approves_and_the_case_file_shows_the_case_erased_in_both_languages() {
        Case c = steps.monitoring(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='erasure']"));
        browser.choose("basis", "REGISTERED_IN_ERROR");
        browser.fill("reason", "同一儿童重复登记");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "申请删除");
        assertThat(browser.text(By.id("erasure-pending"))).contains("wang.supervisor", "误登记", "同一儿童重复登记",
                "须由他人审批");
        assertThat(browser.all(By.cssSelector("button[data-command='erasure/decision']"))).isEmpty();
        assertThat(browser.all(By.cssSelector("button[data-command='erasure']"))).isEmpty();

        browser.signInAs(ZHAO);
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='erasure/decision']"));
        browser.choose("approve", "true");
        browser.fill("note", "核实为重复登记");
        browser.screenshot("erasure-decision");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "删除审批");
        assertThat(browser.text(By.id("erased"))).contains("个人信息已删除");
        assertThat(browser.text(By.cssSelector(".case-head h1"))).isEqualTo("已删除的案件");
        assertThat(browser.text(By.cssSelector("dl.details"))).contains("已删除").doesNotContain("王小明");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-status]")).getAttribute("data-status"))
                .isEqualTo("CLOSED");
        assertThat(browser.all(By.cssSelector("button[data-command]"))).isEmpty();
        browser.screenshot("erased-case");

        browser.click(By.cssSelector("button.lang"));
        browser.waitForText(By.id("erased"), "personal data has been erased");
        assertThat(browser.text(By.cssSelector(".case-head h1"))).isEqualTo("Erased case");
        assertThat(steps.file(WANG, c).get("erased").asBoolean()).isTrue();
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
        browser.go("/cases/" + closed.id());
        browser.click(By.cssSelector("button[data-command='erasure/decision']"));
        browser.choose("approve", "true");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.id("erased"), "personal data has been erased");
        assertThat(steps.file(WANG, closed).get("erased").asBoolean()).isTrue();
    }
}

package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.CaseSteps.Case;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.RECEIVING_COUNTY_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.SUN;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/** A supervisor in the web console: closure decisions with the four-eyes rule visible, reopening, transfers. */
class SupervisorConsoleTest extends ConsoleTestBase {

    @Test
    void approves_a_closure_another_user_requested_then_reopens_the_case() {
        Case c = steps.closureRequested(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.go("/cases/" + c.id());
        assertThat(browser.text(By.id("four-eyes"))).contains("li.caseworker").doesNotContain("双人原则");
        browser.click(By.cssSelector("button[data-command='closure/decision']"));
        browser.choose("approve", "true");
        browser.fill("note", "母亲已返乡照顾");
        browser.screenshot("closure-decision");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "结案审批");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-status]")).getAttribute("data-status")).isEqualTo("CLOSED");
        assertThat(browser.all(By.cssSelector("button[data-command]"))).extracting(e -> e.getAttribute("data-command"))
                .containsExactly("reopening", "erasure");

        browser.click(By.cssSelector("button[data-command='reopening']"));
        browser.fill("reason", "父亲来电：母亲再次外出务工");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "重新开案");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-status]")).getAttribute("data-status")).isEqualTo("REPORTED");
    }

    @Test
    void a_closure_the_supervisor_requested_is_left_to_another_supervisor() {
        Case c = steps.closureRequested(WANG, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.go("/cases/" + c.id());
        assertThat(browser.text(By.id("four-eyes"))).contains("wang.supervisor").contains("双人原则");
        assertThat(browser.all(By.cssSelector("button[data-command='closure/decision']"))).isEmpty();
        browser.screenshot("four-eyes");
    }

    /**
     * The sending supervisor requests the transfer and sees it pending on the case file; the receiving supervisor,
     * who cannot open the case yet, finds it among the incoming transfers, accepts it, and assigns the case.
     */
    @Test
    void a_transfer_is_requested_by_the_sending_side_and_accepted_by_the_receiving_side() {
        Case c = steps.underProtection(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.go("/cases/" + c.id());
        String village = freshVillage(RECEIVING_COUNTY_TOWNSHIP);
        browser.click(By.cssSelector("button[data-command='transfer']"));
        browser.fill("villageCode", village);
        browser.fill("reason", "全家搬到朝阳区");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "申请转移个案");
        assertThat(browser.text(By.id("pending-transfer"))).contains(village).contains("wang.supervisor");
        assertThat(browser.all(By.cssSelector("button[data-command='transfer']"))).isEmpty();
        assertThat(steps.file(WANG, c).get("villageCode").asText()).isEqualTo(c.village());
        browser.go("/transfers");
        browser.waitForText(By.id("transfers-outgoing"), c.id());

        browser.signInAs(SUN);
        browser.go("/cases/" + c.id());
        assertThat(browser.waitFor(By.cssSelector(".refused")).getAttribute("data-refused")).isEqualTo("404");
        browser.click(By.cssSelector("nav.main a[href='#/transfers']"));
        browser.waitForText(By.id("transfers-incoming"), "全家搬到朝阳区");
        browser.screenshot("transfers-incoming");
        browser.click(By.cssSelector("button[data-decide='" + c.id() + "']"));
        browser.choose("accept", "true");
        browser.fill("note", "由本区社工接手");
        browser.click(By.cssSelector("#transfer-decision form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "已接收");
        assertThat(browser.text(By.id("transfers-incoming"))).doesNotContain(c.id());

        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='assignment']"));
        browser.fill("caseworker", SUN);
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "指派负责人");
        assertThat(steps.file(SUN, c).get("villageCode").asText()).isEqualTo(village);
        assertThat(steps.file(SUN, c).get("caseworker").asText()).isEqualTo(SUN);
    }

    @Test
    void files_a_guardianship_intervention_and_records_the_courts_decision() {
        Case c = steps.underProtection(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(WANG);
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='interventions']"));
        browser.choose("grounds", "ABANDONED_DUTY_6_MONTHS");
        browser.fill("court", "东城区人民法院");
        browser.fill("reason", "父母七个月无法联系");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "监护干预");

        browser.click(By.cssSelector("button[data-command$='/decision'][data-command^='interventions/']"));
        browser.choose("granted", "true");
        browser.fill("newGuardian.name", "王姑姑");
        browser.choose("newGuardian.relationship", "OTHER_RELATIVE");
        browser.fill("newGuardian.age", "45");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "法院裁定");
        assertThat(steps.file(WANG, c).get("guardian").get("name").asText()).isEqualTo("王姑姑");
        assertThat(steps.file(WANG, c).get("openInterventions")).isEmpty();
        assertThat(browser.text(By.cssSelector("dl.details"))).contains("王姑姑");
    }
}

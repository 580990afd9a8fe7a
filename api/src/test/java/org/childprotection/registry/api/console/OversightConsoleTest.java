package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OPS;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * Oversight in the web console: a case's timeline with corrections beside what they correct and its
 * integrity verified in the browser, the audit trail, the access log and statistics; and what each role sees.
 */
class OversightConsoleTest extends ConsoleTestBase {

    String village;
    Case corrected;

    @BeforeAll
    void makeACorrectedCase() {
        village = freshVillage(LI_TOWNSHIP);
        corrected = steps.underProtection(LI, village);
        steps.ok(LI, corrected, "corrections", CaseSteps.correction(steps.eventId(corrected, 0), "child.school", "红星小学"));
        steps.emergency(LI, village);
        // the answers waited for the case file and the history; the badge verifies the Merkle log's proofs too
        ProjectionsAwait.caughtUp(new Reconciliation(jdbc));
    }

    @Test
    void each_role_sees_only_its_pages() {
        Map<String, String> expectedNav = Map.of(
                LI, "个案列表 登记儿童",
                WANG, "个案列表 登记儿童 统计 个案转移 保存期限",
                CHEN, "个案列表 审计轨迹 查阅记录 统计 保存期限");
        expectedNav.forEach((user, nav) -> {
            browser.signInAs(user);
            assertThat(browser.text(By.cssSelector("nav.main")).replace('\n', ' ')).as(user).isEqualTo(nav);
            assertThat(browser.text(By.id("who"))).startsWith(user);
        });
        browser.signInAs(CHEN);
        browser.go("/register");
        assertThat(browser.waitFor(By.cssSelector(".refused")).getAttribute("data-refused")).isEqualTo("403");

        browser.signInAs(OPS);
        assertThat(browser.text(By.cssSelector("main .notice"))).contains("replay-tools");
        assertThat(browser.all(By.cssSelector("nav.main a"))).isEmpty();

        browser.signInAs(LI, "not-the-password");
        assertThat(browser.text(By.cssSelector("form.signin .alert"))).isEqualTo("用户名或密码错误。");
        assertThat(browser.all(By.id("who"))).isEmpty();
        browser.screenshot("sign-in");
    }

    @Test
    void the_timeline_shows_corrections_beside_their_event_and_verifies_the_case_in_the_browser() {
        browser.signInAs(CHEN);
        browser.go("/cases/" + corrected.id() + "/timeline");
        browser.waitFor(By.cssSelector("li.event[data-type='RecordCorrected']"));
        String registration = browser.text(By.cssSelector("li.event[data-type='ChildRegistered'] aside.corrections"));
        assertThat(registration).contains("li.caseworker").contains("child.school → 红星小学");

        browser.waitFor(By.cssSelector("#integrity:not([data-state='checking'])"));
        assertThat(browser.waitFor(By.id("integrity")).getAttribute("data-state")).isEqualTo("verified");
        assertThat(browser.text(By.id("integrity"))).contains("已在本浏览器核验完整性");
        browser.screenshot("timeline-oversight");
    }

    @Test
    void the_browser_verifier_refuses_a_tampered_proof_or_head() {
        browser.signInAs(CHEN);
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const session = {headers: {'X-Requested-With': 'test'}};   // the console's session cookie
                const read = (path) => fetch(path, session).then((r) => r.json());
                (async () => {
                  const { verifyCase } = await import('/console/merkle.js');
                  const history = await read('/api/cases/' + arguments[0] + '/history');
                  const proof = await read('/api/cases/' + arguments[0] + '/proof');
                  const head = await read('/api/integrity');
                  const genuine = await verifyCase(proof, history.events, head.publicKey);
                  const leaf = structuredClone(proof);
                  leaf.proofs[1].leafHash = leaf.proofs[0].leafHash;
                  const path = structuredClone(proof);
                  path.proofs[0].auditPath[0] = path.proofs[0].auditPath[0].replace(/^./, (c) => c === '0' ? '1' : '0');
                  const root = structuredClone(proof);
                  root.rootHash = root.proofs[0].leafHash;
                  const history2 = structuredClone(history.events);
                  history2[0].leafHash = history2[1].leafHash;
                  return [genuine.ok,
                    (await verifyCase(leaf, history.events, head.publicKey)).problem?.key,
                    (await verifyCase(path, history.events, head.publicKey)).problem?.key,
                    (await verifyCase(root, history.events, head.publicKey)).problem?.key,
                    (await verifyCase(proof, history2, head.publicKey)).problem?.key].join(' ');
                })().then(done, (e) => done('error: ' + e));
                """, corrected.id());
        assertThat(result).isEqualTo("true badPath badPath badSignature badLeaf");
    }

    @Test
    void the_audit_trail_access_log_and_statistics_are_there() {
        steps.history(CHEN, corrected);
        browser.signInAs(CHEN);
        browser.click(By.cssSelector("a[href='#/audit']"));
        browser.waitForText(By.cssSelector("main h1"), "审计轨迹");
        browser.type(By.id("filter-villageCode"), village);
        browser.applyFilters();
        assertThat(browser.text(By.cssSelector("table.list"))).contains("记录更正");
        long villageEvents = steps.count("case_event WHERE village_code = '" + village + "'");
        assertThat(villageEvents).isEqualTo(7);
        assertThat(browser.all(By.cssSelector("table.list tbody tr"))).hasSize((int) villageEvents);
        browser.screenshot("audit-trail");

        browser.click(By.cssSelector("a[href='#/access']"));
        browser.waitForText(By.cssSelector("main h1"), "查阅记录");
        browser.type(By.id("filter-caseId"), corrected.id());
        browser.applyFilters();
        assertThat(browser.text(By.cssSelector("table.list"))).contains("chen.oversight");
        assertThat(browser.text(By.cssSelector("table.list"))).contains("历史记录");
        browser.screenshot("access-log");

        browser.watchPolicyViolations();
        browser.click(By.cssSelector("a[href='#/statistics']"));
        browser.waitForText(By.cssSelector("main h1"), "统计");
        browser.type(By.id("filter-villageCode"), village);
        browser.applyFilters();
        assertThat(browser.text(By.cssSelector("[data-figure='stats.cases'] strong"))).isEqualTo("2");
        assertThat(browser.all(By.cssSelector("[data-chart='stats.byRisk'] .bar-value")))
                .extracting(e -> e.getText()).containsExactly("0", "1", "0", "1");   // GREEN YELLOW ORANGE RED
        assertThat(browser.all(By.cssSelector("[data-chart='stats.byRisk'] .bar")))
                .extracting(e -> e.getCssValue("width")).as("bars drawn under the Content-Security-Policy")
                .filteredOn(width -> !width.equals("0px")).hasSize(2);
        assertThat(browser.policyViolations()).isEmpty();
        browser.screenshot("statistics");
    }
}

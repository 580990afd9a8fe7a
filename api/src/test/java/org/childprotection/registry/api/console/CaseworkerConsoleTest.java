package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.OTHER_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;
import static org.childprotection.registry.api.support.CaseSteps.today;

/** A caseworker's day in the web console, in headless Chromium against the running registry. */
class CaseworkerConsoleTest extends ConsoleTestBase {

    @Test
    void signs_in_to_a_session_keeping_no_password_and_returns_to_the_form_when_the_session_ends() {
        browser.signInAs(LI);
        assertThat(browser.script("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
                + " + document.cookie;")).asString().as("what the page's scripts can read")
                .doesNotContain(ApiClient.demoPassword(LI)).doesNotContain("JSESSIONID").contains("XSRF-TOKEN=");

        browser.click(By.cssSelector("a[href='#/register']"));
        browser.waitForText(By.cssSelector("main h1"), "登记儿童");
        browser.endSession();
        browser.click(By.cssSelector("a.brand"));   // the caseload: its first call meets the ended session
        assertThat(browser.text(By.cssSelector("form.signin .alert"))).isEqualTo("登录已过期，请重新登录。");
        assertThat(browser.all(By.id("who"))).isEmpty();

        browser.type(By.id("username"), LI);
        browser.type(By.id("password"), ApiClient.demoPassword(LI));
        browser.click(By.id("sign-in"));
        browser.waitForText(By.cssSelector("main h1"), "个案列表");

        browser.click(By.id("sign-out"));
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.all(By.cssSelector("form.signin .alert")).get(0).isDisplayed()).as("no message").isFalse();
        browser.reload();
        assertThat(browser.waitFor(By.cssSelector("form.signin")).isDisplayed()).as("signed out for good").isTrue();
    }

    @Test
    void registers_a_child_records_an_assessment_and_a_visit_and_sees_them_in_the_timeline() {
        String village = freshVillage(LI_TOWNSHIP);
        browser.signInAs(LI);
        browser.click(By.cssSelector("a[href='#/register']"));
        fillRegistration("刘小红", village);
        browser.screenshot("register");
        browser.click(By.cssSelector("form.command button[type=submit]"));

        browser.waitForText(By.cssSelector(".case-head h1"), "刘小红");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-status]")).getAttribute("data-status"))
                .isEqualTo("REPORTED");

        browser.click(By.cssSelector("button[data-command='assessments']"));
        browser.choose("riskLevel", "YELLOW");
        browser.tick("factors", "NO_PARENTAL_CONTACT");
        browser.fill("summary", "父母半年未联系，祖父年迈");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "风险评估");
        assertThat(browser.waitFor(By.cssSelector(".case-head [data-risk]")).getAttribute("data-risk")).isEqualTo("YELLOW");
        assertThat(browser.text(By.cssSelector(".case-head [data-status]"))).isEqualTo("保护中");

        browser.click(By.cssSelector("button[data-command='visits']"));
        browser.choose("visitorRole", "CHILDREN_DIRECTOR");
        browser.fill("observations", "孩子在家写作业，爷爷在做饭");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        browser.waitForText(By.cssSelector(".flash"), "入户走访");
        assertThat(browser.text(By.id("case-version"))).contains("3");
        browser.screenshot("case-file");

        browser.click(By.linkText("时间线"));
        browser.waitFor(By.cssSelector("li.event[data-type='HomeVisitRecorded']"));
        assertThat(browser.all(By.cssSelector("li.event")).stream().map(e -> e.getAttribute("data-type")))
                .containsExactly("ChildRegistered", "RiskAssessed", "ProtectionStatusChanged", "HomeVisitRecorded");
        String visit = browser.text(By.cssSelector("li.event[data-type='HomeVisitRecorded']"));
        assertThat(visit).contains("入户走访").contains("li.caseworker").contains("个案工作者");
        assertThat(browser.text(By.cssSelector("li.event[data-type='RiskAssessed']"))).contains("父母半年未联系，祖父年迈");
        browser.screenshot("timeline");

        browser.go("/");
        browser.waitFor(By.cssSelector("table.list"));
        browser.screenshot("caseload");
        browser.type(By.id("filter-villageCode"), village);
        browser.applyFilters();
        assertThat(browser.all(By.cssSelector("table.list tbody tr"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("刘小红").contains("黄").contains("保护中"));
    }

    @Test
    void bad_input_is_refused_beside_its_field_and_nothing_is_written() {
        Case c = steps.reported(LI, freshVillage(LI_TOWNSHIP));
        long events = steps.events();
        browser.signInAs(LI);
        browser.go("/cases/" + c.id());
        browser.click(By.cssSelector("button[data-command='visits']"));
        browser.date("visitDate", today().plusDays(2).toString());
        browser.choose("visitorRole", "TEACHER");
        browser.fill("observations", "x");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".field[data-field='visitDate'] .field-error"))).contains("future");
        assertThat(browser.text(By.cssSelector("form.command .alert"))).startsWith("登记系统拒绝了此操作");
        browser.screenshot("refusal");

        browser.click(By.cssSelector("a[href='#/register']"));
        fillRegistration("赵小刚", freshVillage(LI_TOWNSHIP));
        browser.choose("child.hukou", "URBAN");
        browser.click(By.cssSelector("form.command button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".field.invalid[data-field='child.hukou'] .field-error")))
                .contains("rural");
        assertThat(browser.all(By.cssSelector(".field.invalid"))).hasSize(1);
        assertThat(steps.events()).as("nothing written").isEqualTo(events);
    }

    @Test
    void a_case_outside_the_jurisdiction_shows_the_refused_page() {
        Case elsewhere = steps.reported(WANG, freshVillage(OTHER_TOWNSHIP));
        browser.signInAs(LI);
        browser.go("/cases/" + elsewhere.id());
        assertThat(browser.waitFor(By.cssSelector(".refused")).getAttribute("data-refused")).isEqualTo("404");
        assertThat(browser.pageText()).contains("不在您的辖区内").doesNotContain("王小明");
        browser.screenshot("refused");

        browser.go("/audit");
        assertThat(browser.waitFor(By.cssSelector(".refused")).getAttribute("data-refused")).isEqualTo("403");
    }

    @Test
    void on_a_narrow_screen_in_english_the_caseload_is_cards_and_the_language_is_remembered() {
        steps.underProtection(LI, freshVillage(LI_TOWNSHIP));
        browser.signInAs(LI);
        browser.resize(Browser.PHONE);
        try {
            browser.click(By.cssSelector("button.lang"));
            browser.waitForText(By.cssSelector("main h1"), "Caseload");
            browser.waitFor(By.cssSelector("table.list"));
            assertThat(browser.all(By.cssSelector("table.list thead")).get(0).isDisplayed()).isFalse();
            browser.screenshot("caseload-narrow-en");
            browser.reload();
            browser.waitForText(By.cssSelector("main h1"), "Caseload");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    /** A valid registration in the form (without a mandatory-reporting trigger), to be changed by the test. */
    private void fillRegistration(String name, String village) {
        browser.fill("child.name", name);
        browser.choose("child.sex", "F");
        browser.date("child.dateOfBirth", today().minusYears(8).toString());
        browser.fill("child.villageCode", village);
        browser.fill("child.school", "向阳小学");
        browser.choose("father.status", "MIGRATED");
        browser.fill("father.workLocation", "浙江省杭州市");
        browser.choose("mother.status", "MIGRATED");
        browser.fill("caregiver.name", "刘爷爷");
        browser.choose("caregiver.relationship", "GRANDPARENT");
        browser.fill("caregiver.age", "71");
        browser.choose("caregiver.capacity", "LIMITED");
        browser.choose("report.source", "VILLAGE_COMMITTEE");
        browser.fill("report.description", "孩子经常一个人在家");
    }
}

package org.childprotection.registry.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.integrity.Cosignature;
import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * The integrity badge against the operator: the registry's key pinned at the first check and its fingerprint
 * shown, a different key warned about and not passed until the official trusts it, and the witnesses that
 * cosigned the head, each cosignature checked in the browser.
 */
class IntegrityBadgeConsoleTest extends ConsoleTestBase {

    static final String PIN = "registry.console.pinnedKey";
    static final By BADGE_DONE = By.cssSelector("#integrity:not([data-state='checking'])");

    Case checked;
    JsonNode head;

    @BeforeAll
    void aCaseInASignedHeadCosignedByTwoWitnessesAndOneForgery() {
        checked = steps.underProtection(LI, freshVillage(LI_TOWNSHIP));
        ProjectionsAwait.caughtUp(new Reconciliation(jdbc));
        head = api.get(CHEN, "/api/integrity").json();   // signs the head that covers the case; nothing grows it after
        cosign("provincial-audit-office", ed25519Keys(), message(head));
        cosign("county-procuratorate", ed25519Keys(), message(head));
        cosign("forged-witness", ed25519Keys(), Cosignature.message("another head".getBytes()));
    }

    @Test
    void the_first_check_pins_the_registry_key_shows_its_fingerprint_and_the_witnesses_that_cosigned() {
        String keyId = head.get("keyId").asText();
        browser.signInAs(CHEN);   // a browser that never checked: no pin
        assertThat(browser.script("return localStorage.getItem(arguments[0]);", PIN)).isNull();

        openTimeline();
        assertThat(browser.waitFor(By.id("integrity")).getAttribute("data-state")).isEqualTo("verified");
        WebElement key = browser.waitFor(By.cssSelector("#integrity .key"));
        assertThat(key.getAttribute("data-fingerprint")).isEqualTo(keyId);
        assertThat(key.getText()).contains(grouped(keyId)).contains("已在本浏览器首次核验时固定此公钥");
        assertThat(browser.script("return JSON.parse(localStorage.getItem(arguments[0])).fingerprint;", PIN))
                .isEqualTo(keyId);

        assertThat(browser.waitFor(By.cssSelector("#integrity .witnesses")).getAttribute("data-count")).isEqualTo("2");
        assertThat(browser.text(By.cssSelector("#integrity .witnesses"))).contains("已有 2 个见证方联署");
        assertThat(browser.all(By.cssSelector("#integrity li[data-cosignature='verified']")))
                .extracting(e -> e.getAttribute("data-witness"))
                .containsExactlyInAnyOrder("provincial-audit-office", "county-procuratorate");
        assertThat(browser.all(By.cssSelector("#integrity li[data-cosignature='bad']")))
                .extracting(e -> e.getAttribute("data-witness")).containsExactly("forged-witness");
        browser.screenshot("timeline-oversight-witnesses");

        browser.reload();
        browser.waitFor(BADGE_DONE);
        assertThat(browser.waitFor(By.id("integrity")).getAttribute("data-state")).isEqualTo("verified");
        assertThat(browser.text(By.cssSelector("#integrity .key"))).contains("与本浏览器自").contains(grouped(keyId));
    }

    @Test
    void a_key_other_than_the_pinned_one_is_warned_about_in_red_and_not_passed_until_the_official_trusts_it() {
        String keyId = head.get("keyId").asText();
        KeyPair other = ed25519Keys();
        String otherId = Ed25519Keys.keyId(other.getPublic());
        browser.signInAs(CHEN);
        browser.script("localStorage.setItem(arguments[0], JSON.stringify({publicKey: arguments[1], fingerprint:"
                + " arguments[2], pinnedAt: '2026-01-05T08:00:00Z'}));", PIN,
                Base64.getEncoder().encodeToString(other.getPublic().getEncoded()), otherId);

        openTimeline();
        WebElement badge = browser.waitFor(By.id("integrity"));
        assertThat(badge.getAttribute("data-state")).isEqualTo("key-changed");
        assertThat(badge.getCssValue("background-color")).as("the banner is red").isEqualTo("rgba(183, 28, 28, 1)");
        String warning = browser.text(By.cssSelector("#integrity .key-changed[role='alert']"));
        assertThat(warning).contains("警告：登记系统的签名公钥已改变", grouped(otherId), grouped(keyId));
        assertThat(browser.pageText()).doesNotContain("已在本浏览器核验完整性");
        assertThat(browser.all(By.cssSelector("[data-state='verified'], #integrity .result"))).isEmpty();

        browser.click(By.cssSelector("button.lang"));
        browser.waitForText(By.cssSelector("#integrity .key-changed"), "THE REGISTRY'S SIGNING KEY HAS CHANGED");
        assertThat(browser.text(By.cssSelector("#integrity .key-changed"))).contains(grouped(otherId), grouped(keyId));
        browser.screenshot("integrity-key-changed");
        assertThat(browser.script("return JSON.parse(localStorage.getItem(arguments[0])).fingerprint;", PIN))
                .as("the warning alone changes no pin").isEqualTo(otherId);

        browser.click(By.id("trust-new-key"));
        browser.click(By.id("confirm-new-key"));
        browser.waitFor(By.cssSelector("#integrity[data-state='verified']"));
        assertThat(browser.script("return JSON.parse(localStorage.getItem(arguments[0])).fingerprint;", PIN))
                .isEqualTo(keyId);
    }

    @Test
    void a_browser_without_ed25519_passes_nothing_and_lists_the_witnesses_as_reported_by_the_registry() {
        browser.signInAs(CHEN);
        // as in a Chromium whose Web Crypto has no Ed25519: importing such a key is not supported
        browser.script("""
                const importKey = crypto.subtle.importKey.bind(crypto.subtle);
                crypto.subtle.importKey = (format, data, algorithm, ...rest) => algorithm.name === 'Ed25519'
                  ? Promise.reject(new DOMException('Ed25519 is not supported', 'NotSupportedError'))
                  : importKey(format, data, algorithm, ...rest);
                location.hash = '#/cases/' + arguments[0] + '/timeline';""", checked.id());
        browser.waitFor(BADGE_DONE);

        assertThat(browser.waitFor(By.id("integrity")).getAttribute("data-state")).isEqualTo("unsupported");
        assertThat(browser.text(By.cssSelector("#integrity .result"))).contains("未在本浏览器核验", "Ed25519");
        assertThat(browser.text(By.cssSelector("#integrity .key"))).contains(grouped(head.get("keyId").asText()));
        assertThat(browser.all(By.cssSelector("#integrity li[data-cosignature='reported']")))
                .extracting(e -> e.getAttribute("data-witness"))
                .containsExactlyInAnyOrder("provincial-audit-office", "county-procuratorate", "forged-witness");
        assertThat(browser.text(By.cssSelector("#integrity .witnesses"))).contains("由登记系统报告，未经核验");
        assertThat(browser.pageText()).doesNotContain("已在本浏览器核验完整性");
    }

    private void openTimeline() {
        browser.go("/cases/" + checked.id() + "/timeline");
        browser.waitFor(BADGE_DONE);
    }

    /** A row as the registry keeps a witness's cosignature; the API would refuse the forged one, the table does not. */
    private void cosign(String witness, KeyPair keys, byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update(message);
            jdbc.update("INSERT INTO cosignature (log, tree_size, root_hash, witness, public_key, signature, received_at)"
                    + " VALUES ('events', ?, ?, ?, ?, ?, ?)", head.get("treeSize").asLong(),
                    HexFormat.of().parseHex(head.get("rootHash").asText()), witness, keys.getPublic().getEncoded(),
                    ed25519.sign(), Timestamp.from(Instant.now()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a witness signs for {@code head} (the contract's cosignature message). */
    private static byte[] message(JsonNode head) {
        return Cosignature.message(TreeHead.message(head.get("treeSize").asLong(),
                HexFormat.of().parseHex(head.get("rootHash").asText()), Instant.parse(head.get("timestamp").asText())));
    }

    private static KeyPair ed25519Keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the console shows a fingerprint: groups of four hex digits. */
    private static String grouped(String hex) {
        return hex.replaceAll("(.{4})(?!$)", "$1 ");
    }
}

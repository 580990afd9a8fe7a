package org.childprotection.registry.api.console;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.erasure.ErasureBasis;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.privacy.Retention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;

/**
 * The console's two dictionaries as the browser loads them: Chinese, the default, has a text for every English one
 * and a name for every event, enumeration value and retention rule the registry answers with; an English text
 * missing falls back to readable English (i18n.js), a Chinese one would show English to a Chinese reader.
 */
class TranslationsConsoleTest extends ConsoleTestBase {

    private Map<String, Object> dictionaries;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void loadDictionaries() {
        browser.signInAs(LI);
        dictionaries = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/console/i18n-zh.js'), import('/console/i18n-en.js'), import('/console/enums.js')])
                  .then(([zh, en, enums]) => done({zh: Object.keys(zh.zh), en: Object.keys(en.en), enums: enums.ENUMS}),
                    (e) => done({error: String(e)}));
                """);
        assertThat(dictionaries).doesNotContainKey("error");
    }

    @Test
    void every_english_text_has_a_chinese_one() {
        assertThat(keys("zh")).containsAll(keys("en"));
    }

    @Test
    void every_event_type_has_a_chinese_name() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<String> events = scanner.findCandidateComponents("org.childprotection.registry").stream()
                .map(BeanDefinition::getBeanClassName).map(name -> "Event." + name.substring(name.lastIndexOf('.') + 1))
                .toList();
        assertThat(events).contains("Event.ErasureApproved");
        assertThat(keys("zh")).containsAll(events);
    }

    @Test
    void the_console_offers_every_legal_basis_of_an_erasure() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> enums = (Map<String, List<String>>) dictionaries.get("enums");
        assertThat(enums.get("ErasureBasis")).containsExactlyInAnyOrderElementsOf(names(ErasureBasis.values()));
    }

    @Test
    void every_value_the_registry_answers_with_has_a_chinese_name() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> enums = (Map<String, List<String>>) dictionaries.get("enums");
        Stream<String> offered = enums.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(value -> e.getKey() + "." + value));
        Stream<String> read = Stream.of(
                names(Role.values()).stream().map(r -> "Role." + r),
                names(AccessLog.Resource.values()).stream().map(r -> "Resource." + r),
                Arrays.stream(Retention.Since.values()).map(s -> "Retention." + new Retention.Rule(s, Period.ZERO).name()))
                .flatMap(s -> s);
        assertThat(keys("zh")).containsAll(Stream.concat(offered, read).toList());
    }

    @SuppressWarnings("unchecked")
    private List<String> keys(String language) {
        return (List<String>) dictionaries.get(language);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;

/** The running registry and one headless Chromium for all the tests of a class (a browser takes seconds to start). */
@RegistryApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleTestBase {

    @Autowired
    ApiClient api;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    CaseSteps steps;
    Browser browser;

    @BeforeAll
    void openBrowser() throws IOException {
        steps = new CaseSteps(api, jdbc);
        browser = Browser.open(port);
    }

    @AfterAll
    void closeBrowser() throws IOException {
        browser.close();
    }
}

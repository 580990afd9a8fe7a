package org.childprotection.registry.replay;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Stream;

/** One in-process run of replay-tools against a test database: exit code, standard output and error. */
record Run(int code, String out, String err) {

    static Run of(String[] database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ReplayTools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(ReplayTools.picocliArguments(
                Stream.concat(Arrays.stream(database), Arrays.stream(args)).toArray(String[]::new)));
        return new Run(code, out.toString(), err.toString());
    }
}

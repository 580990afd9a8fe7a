package org.childprotection.registry.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.integrity.CanonicalAccess;
import org.childprotection.registry.integrity.CanonicalAccessLog;
import org.childprotection.registry.integrity.MerkleLogKind;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.integrity.Proofs;
import org.childprotection.registry.integrity.SignedTreeHead;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.integrity.TreeHead;
import org.childprotection.registry.integrity.TreeHeads;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code export --access-log --case <id>}: the access-log rows that read the case (its own reads, and the pages that
 * listed it), one JSON object per line in the access log's settled order, each row as its canonical members
 * (docs/tamper-evident-log.md). With proofs, the latest signed access-log tree head comes first and every row it
 * covers carries its leaf and inclusion proof; rows logged after that head are left out (and counted), since nothing
 * signed proves them yet.
 */
final class AccessLogExport {

    /** The first line's only member, by which verify-export tells an access-log export from an event export. */
    static final String HEAD = "accessLogTreeHead";

    private final ApplicationContext context;

    AccessLogExport(ApplicationContext context) {
        this.context = context;
    }

    /** {@code export --access-log}: refuses a time range before it connects, writes to the file or standard output. */
    static int run(CommandLine.Model.CommandSpec spec, String caseId, boolean withProofs, Path output)
            throws IOException {
        if (caseId == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--access-log exports the reads of one case: give --case, not --from/--to.");
        }
        try (PrintWriter out = output == null ? spec.commandLine().getOut()
                : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            return new AccessLogExport(ReplayTools.context()).write(caseId, withProofs, out, spec.commandLine().getErr());
        }
    }

    /** Writes the export; answers the exit code. */
    int write(String caseId, boolean withProofs, PrintWriter out, PrintWriter err) {
        List<CanonicalAccess> rows = context.getBean(CanonicalAccessLog.class).ofCase(caseId);
        if (!withProofs) {
            rows.forEach(row -> out.println(row.members()));
            out.flush();
            err.println("Exported " + rows.size() + " access-log row(s) of case " + caseId + ".");
            return 0;
        }
        Optional<TreeHead> latest = accessLog(TreeHeads.class).latest();
        if (latest.isEmpty()) {
            err.println("No signed access-log tree head yet: start the registry once so that it signs one.");
            return 1;
        }
        TreeHead head = latest.get();
        MerkleLogStore leaves = accessLog(MerkleLogStore.class);
        Proofs proofs = accessLog(Proofs.class);
        ObjectNode headLine = EventJson.mapper().createObjectNode();
        headLine.set(HEAD, EventJson.mapper().valueToTree(
                SignedTreeHead.of(head, context.getBean(SigningKey.class).publicKeyBase64())));
        out.println(headLine);
        long exported = 0;
        for (CanonicalAccess row : rows) {
            Optional<MerkleLogStore.Leaf> leaf = leaves.leafOf(row.id())
                    .filter(l -> l.leafIndex() < head.treeSize());
            if (leaf.isEmpty()) {
                continue;
            }
            ObjectNode line = row.members().deepCopy();
            line.put("leafIndex", leaf.get().leafIndex());
            line.put("leafHash", HexFormat.of().formatHex(leaf.get().leafHash()));
            proofs.auditPath(leaf.get().leafIndex(), head.treeSize()).forEach(line.putArray("auditPath")::add);
            out.println(line);
            exported++;
        }
        out.flush();
        err.println("Exported " + exported + " access-log row(s) of case " + caseId + " under the signed access-log "
                + "tree head of size " + head.treeSize() + (exported < rows.size() ? "; " + (rows.size() - exported)
                + " logged after it left out (export again once the next head is signed)" : "") + ".");
        return 0;
    }

    private <T> T accessLog(Class<T> type) {
        return BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getAutowireCapableBeanFactory(), type,
                MerkleLogKind.ACCESS_LOG_NAME);
    }
}

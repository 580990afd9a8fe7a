package org.childprotection.registry.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing key from a file (owner-only), from the environment (the public key derived), and its key id. */
class SigningKeySourceTest {

    private static final byte[] MESSAGE = "child-protection-registry/tree-head/v1\n0\n00\n2026".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_key_given_as_text_signs_and_derives_its_public_key_from_pem_or_base64() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        for (String text : List.of(pem, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))) {
            MockEnvironment env = new MockEnvironment().withProperty("registry.integrity.signing-key", text)
                    .withProperty("registry.integrity.signing-key-file", "/nonexistent/key.pem");
            assertThat(SigningKey.problems(env)).isEmpty();
            SigningKey key = new SigningKey(env);
            assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
            assertThat(Ed25519Keys.verify(pair.getPublic(), MESSAGE, key.sign(MESSAGE))).isTrue();
            assertThat(key.keyId()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded())));
        }
    }

    @Test
    void a_key_text_that_is_no_key_refuses_the_start_without_repeating_the_secret() {
        MockEnvironment env = new MockEnvironment().withProperty("registry.integrity.signing-key", "c2VjcmV0LW5vdC1hLWtleQ==");
        List<String> problems = SigningKey.problems(env);
        assertThat(problems).singleElement().asString()
                .contains("registry.integrity.signing-key (REGISTRY_INTEGRITY_SIGNING_KEY) is not an Ed25519 private key")
                .doesNotContain("c2VjcmV0LW5vdC1hLWtleQ==");
    }

    @Test
    void a_key_file_others_can_read_is_refused_and_one_for_its_owner_alone_is_accepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        new SigningKey(file, true).publicKey();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        MockEnvironment env = new MockEnvironment().withProperty("registry.integrity.signing-key-file", file.toString());
        assertThat(SigningKey.problems(env)).isEmpty();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SigningKey.problems(env)).containsExactly("The tree-head signing key " + file + " has mode 0644: "
                + "others can read it. Make it readable by the registry's user alone: chmod 600 " + file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(SigningKey.problems(env)).isEmpty();
    }

    @Test
    void a_key_file_without_its_public_key_beside_it_has_the_public_key_derived(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        byte[] expected = new SigningKey(file, true).publicKey().getEncoded();
        Files.delete(Path.of(file + ".pub"));
        SigningKey key = new SigningKey(file, false);
        assertThat(key.publicKey().getEncoded()).isEqualTo(expected);
        assertThat(Ed25519Keys.verify(key.publicKey(), MESSAGE, key.sign(MESSAGE))).isTrue();
    }

    @Test
    void a_rotated_key_refuses_to_sign_a_head_below_its_first_size_and_lists_the_retired_key_before_it(@TempDir Path dir)
            throws Exception {
        Path retired = dir.resolve("old.pem");
        new SigningKey(retired, true).publicKey();
        MockEnvironment env = new MockEnvironment()
                .withProperty("registry.integrity.signing-key-file", dir.resolve("new.pem").toString())
                .withProperty("registry.integrity.generate-key", "true")
                .withProperty("registry.integrity.signing-key-from-tree-size", "11")
                .withProperty("registry.integrity.retired-keys[0].public-key-file", retired + ".pub")
                .withProperty("registry.integrity.retired-keys[0].to-tree-size", "10");
        SigningKey key = new SigningKey(env);

        assertThatThrownBy(() -> key.signHead(10, MESSAGE)).hasMessageContaining("from size 11 on")
                .hasMessageContaining("refuses to sign the head of size 10");
        assertThat(Ed25519Keys.verify(key.publicKey(), MESSAGE, key.signHead(11, MESSAGE))).isTrue();
        assertThat(key.keyRing().keys()).extracting(KeyRing.Key::keyId, KeyRing.Key::fromTreeSize, KeyRing.Key::toTreeSize)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new SigningKey(retired, false).keyId(), 0L, 10L),
                        org.assertj.core.groups.Tuple.tuple(key.keyId(), 11L, KeyRing.Key.OPEN));
    }

    @Test
    void a_retired_key_without_its_range_or_file_refuses_the_start(@TempDir Path dir) {
        MockEnvironment env = new MockEnvironment().withProperty("registry.integrity.generate-key", "true")
                .withProperty("registry.integrity.signing-key-file", dir.resolve("k.pem").toString())
                .withProperty("registry.integrity.retired-keys[0].public-key-file", dir.resolve("missing.pub").toString())
                .withProperty("registry.integrity.retired-keys[0].to-tree-size", "5")
                .withProperty("registry.integrity.retired-keys[1].public-key-file", dir.resolve("missing.pub").toString());
        assertThat(SigningKey.problems(env)).containsExactly(
                "registry.integrity.retired-keys[0]: " + dir.resolve("missing.pub") + " is not a readable Ed25519 "
                        + "public key (PEM or base64).",
                "registry.integrity.retired-keys[1]: a retired key needs its public-key-file and the to-tree-size of "
                        + "its last head.");
        assertThat(dir).isEmptyDirectory();
    }
}

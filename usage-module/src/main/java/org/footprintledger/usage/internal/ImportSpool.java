package org.footprintledger.usage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an uploaded file waits for its import: a private file (0600) in a directory of its own (0700), removed when
 * the import ends whatever its end, and at start for any file a stopped node left behind (raw usage of subscribers).
 */
@Component
class ImportSpool {

    private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);
    private static final String PREFIX = "usage-import-";
    private static final String SUFFIX = ".feed";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    ImportSpool(@Value("${footprint.import.spool-directory:${java.io.tmpdir}/footprint-import-spool}") Path directory)
            throws IOException {
        this.directory = directory;
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes("rwx------"));
        }
    }

    /** Copies the body into a new private file of the spool; nothing is left behind if the copy fails. */
    Path receive(InputStream body, String importId) throws IOException {
        Path file = Files.createTempFile(directory, PREFIX + importId + "-", SUFFIX, attributes("rw-------"));
        try (OutputStream out = Files.newOutputStream(file)) {
            body.transferTo(out);
            return file;
        } catch (IOException | RuntimeException | Error e) {
            delete(file);
            throw e;
        }
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the spooled import file {}: {}", file, e.toString());
        }
    }

    /** Deletes every spooled file left by a stop (their imports are failed at start); answers how many. */
    int deleteLeftovers() {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                delete(file);
                deleted++;
            }
        } catch (IOException e) {
            log.warn("could not list the import spool {}: {}", directory, e.toString());
        }
        if (deleted > 0) {
            log.warn("deleted {} spooled import files left by a stop in {}", deleted, directory);
        }
        return deleted;
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }
}

package io.openbss.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of {@code $BSS_HOME} that hold secrets or live codes, and the directories holding them: owner only (600 and
 * 700). Modes are given at creation, so that no other user can open a file in the moment before a chmod, and
 * tightened on existing files, which an older version may have left readable by all.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the directory (and its missing parents) as 700, or makes an existing one 700. */
    static Path directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, attributes(dir, DIRECTORY));
                return dir;
            }
        } catch (FileAlreadyExistsException e) {
            // made at the same moment by another process: tightened below like any existing one
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restrict(dir, DIRECTORY);
        return dir;
    }

    /** Writes the whole file atomically: a 600 temporary file moved over it. */
    static void write(Path file, String content) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, attributes(temp, FILE));
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty 600 file for another process to append to, or makes an existing one 600. */
    static void touch(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file, FILE);
                return;
            }
            try (FileChannel ignored = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes(file, FILE))) {
                // created with its mode; the owner appends to it later
            }
        } catch (FileAlreadyExistsException e) {
            restrict(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an existing file 600; nothing when it does not exist. */
    static void restrict(Path file) {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) {
        if (!posix(path)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot make " + path + " readable by its owner only: " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

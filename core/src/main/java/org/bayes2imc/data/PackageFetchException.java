package org.bayes2imc.data;

import org.bayes2imc.io.InputException;

import java.util.List;

/** A Debian package could not be downloaded or unpacked here; carries the shell commands that do it by hand. */
public class PackageFetchException extends InputException {
    private final List<String> commands;

    public PackageFetchException(String message, List<String> commands) {
        super(message);
        this.commands = List.copyOf(commands);
    }

    /** Commands the user can run (then rerun the fetch, which reuses their result). */
    public List<String> commands() {
        return commands;
    }
}

package org.footprintledger.portal.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options and plain arguments of the command-line entries. */
final class CommandLineOptions {

    private final Map<String, String> options;
    private final List<String> arguments;

    private CommandLineOptions(Map<String, String> options, List<String> arguments) {
        this.options = options;
        this.arguments = arguments;
    }

    static CommandLineOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                arguments.add(arg);
            }
        }
        return new CommandLineOptions(options, arguments);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    int intValue(String name, int defaultValue) {
        return value(name).map(Integer::parseInt).orElse(defaultValue);
    }

    long longValue(String name, long defaultValue) {
        return value(name).map(Long::parseLong).orElse(defaultValue);
    }

    List<String> arguments() {
        return arguments;
    }
}

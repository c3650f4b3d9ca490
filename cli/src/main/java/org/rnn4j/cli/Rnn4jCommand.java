package org.rnn4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.rnn4j.api.InvalidInputException;
import org.rnn4j.api.PluginException;
import org.rnn4j.api.SessionFactory;
import org.rnn4j.core.Rnn4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rnn4j} command. Exit status: 0 done, 2 a user's error (bad configuration, unknown
 * name, bad file: one line per problem, no stack trace), 1 an internal fault.
 */
@Command(name = "rnn4j", mixinStandardHelpOptions = true, versionProvider = Rnn4jCommand.Version.class,
        description = "Classic recurrent neural networks: Elman, Jordan, partially and fully recurrent, trained by BPTT and RTRL.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ForecastCommand.class, StreamCommand.class, InspectCommand.class,
                ListCommand.class, ConfigCommand.class, DescribeCommand.class, GradcheckCommand.class, CheckPluginCommand.class,
                CommandLine.HelpCommand.class})
public final class Rnn4jCommand implements Runnable {

    /** Exit status of a user's error. */
    static final int USER_ERROR = 2;

    /** Exit status of an internal fault. */
    static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @CommandLine.Option(names = "--plugin-path", paramLabel = "DIR", split = ",", scope = CommandLine.ScopeType.INHERIT,
            description = "A folder of plugin jars (besides ./plugins and rnn4j.plugin-path); may be repeated.")
    private List<Path> pluginPath = new ArrayList<>();

    /** The folder of plugin jars the command line loads when it exists, relative to the working directory. */
    static final Path PLUGINS = Path.of("plugins");

    /**
     * The plugin folders the command line asks for: {@code ./plugins/} when it exists and every
     * {@code --plugin-path} (a run file's {@code rnn4j.plugin-path} adds its own).
     */
    public List<Path> pluginFolders() {
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(PLUGINS)) {
            folders.add(PLUGINS);
        }
        folders.addAll(pluginPath);
        return folders;
    }

    /** An rnn4j builder with the command line's plugin folders. */
    public Rnn4j.Builder rnn4j() {
        return Rnn4j.builder().pluginFolders(pluginFolders());
    }

    /**
     * Whether a training run is under way in this process: only then does Ctrl-C wait for it to
     * stop and checkpoint (other commands just end). The command line's own process state.
     */
    static final AtomicBoolean TRAINING = new AtomicBoolean();

    /** Set when the JVM is asked to stop (Ctrl-C): training ends at the next update and checkpoints. */
    private BooleanSupplier stop = () -> false;

    /** Whether the user asked the process to stop. */
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** What a front end built on this command line changes in it. */
    private Extension extension = Extension.NONE;

    /** How {@code train} runs the epochs of {@code rnn4j}'s run. */
    org.rnn4j.api.SessionFactory sessions(org.rnn4j.core.Rnn4j rnn4j) {
        return extension.sessions(rnn4j);
    }

    public static void main(String[] args) {
        main(args, Extension.NONE);
    }

    /**
     * The command line with {@code extension}'s changes; exits the JVM with the command's status.
     * For a front end's {@code main} (the {@code spark} module's).
     */
    public static void main(String[] args, Extension extension) {
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            if (TRAINING.get()) {
                try {
                    main.join(60_000); // let training stop cleanly and write its checkpoint
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "rnn4j-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), stopping::get,
                extension);
        if (!stopping.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            System.exit(status);
        }
    }

    /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit status. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, () -> false, Extension.NONE);
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}, stopping training when {@code stop}
     * says so, with {@code extension}'s changes (closed before returning).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, BooleanSupplier stop, Extension extension) {
        try (extension) {
            return execute(new Rnn4jCommand(), args, out, err, stop, extension);
        }
    }

    private static int execute(Rnn4jCommand command, String[] args, PrintWriter out, PrintWriter err, BooleanSupplier stop,
                               Extension extension) {
        command.stop = stop;
        command.extension = extension;
        CommandLine commandLine = new CommandLine(command);
        extension.commands().forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof InvalidInputException) {
                for (String problem : String.valueOf(exception.getMessage()).split("\\R")) {
                    line.getErr().println("rnn4j: " + problem);
                }
                line.getErr().flush();
                return USER_ERROR;
            }
            if (exception instanceof PluginException) {
                // A plugin's fault: its author needs the trace; rnn4j is not to blame.
                line.getErr().println("rnn4j: " + exception.getMessage());
                exception.getCause().printStackTrace(line.getErr());
                line.getErr().flush();
                return INTERNAL_ERROR;
            }
            line.getErr().println("rnn4j: internal error (please report it): " + exception);
            exception.printStackTrace(line.getErr());
            line.getErr().flush();
            return INTERNAL_ERROR;
        });
        int status;
        try {
            status = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // The estimates before allocating did not foresee this one: still one line, not a trace.
            err.printf("rnn4j: ran out of memory (this JVM may use %.1f GB): raise -Xmx with RNN4J_JAVA_OPTS, or make the"
                    + " run smaller%n", Runtime.getRuntime().maxMemory() / 1e9);
            status = USER_ERROR;
        }
        out.flush();
        err.flush();
        return status;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rnn4jCommand.class.getPackage().getImplementationVersion();
            return new String[] {"rnn4j " + (version == null ? "(development build)" : version)};
        }
    }
}

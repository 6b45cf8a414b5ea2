using System;
using System.Collections;
using System.Diagnostics;
using System.Text;

namespace SagaDsl.Packaging.Tests.Infrastructure;

/// <summary>Runs commands the way a user types them, in a clean environment: no MSBuild state of the test run leaks in.</summary>
internal static class Shell
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static CommandResult Run(string directory, string command)
    {
        var start = new ProcessStartInfo("bash", new[] { "-c", command })
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host runs under `dotnet test`, whose MSBuild variables would steer the inner builds; a
        // developer approving this repository's snapshots must not approve the inner projects' too.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name == "SAGADSL_ACCEPT_SNAPSHOTS")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` in {directory} ran longer than {Limit}:\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(command, process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

/// <summary>What a command printed and how it exited.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public CommandResult Succeeded() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"`{Command}` exited with {ExitCode}:\n{Output}");

    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{Output}";
}

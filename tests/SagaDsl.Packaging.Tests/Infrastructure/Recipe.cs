using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SagaDsl.Packaging.Tests.Infrastructure;

/// <summary>Follows README steps in a workspace: commands run where the last <c>cd</c> left off, files land there.</summary>
internal sealed class Recipe
{
    private readonly StringBuilder log = new();

    public Recipe(string workspace) => Directory = workspace;

    /// <summary>Gets the folder the next command runs in.</summary>
    public string Directory { get; private set; }

    public string Log => log.ToString();

    public Recipe Follow(IEnumerable<ReadmeStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case ReadmeStep.Command command:
                    Run(command.Line).Succeeded();
                    break;
                case ReadmeStep.File file:
                    Write(file.Name, file.Text);
                    break;
            }
        }

        return this;
    }

    public CommandResult Run(string command)
    {
        if (command.StartsWith("cd ", StringComparison.Ordinal))
        {
            Directory = Path.GetFullPath(Path.Combine(Directory, command[3..].Trim()));
            log.AppendLine("$ " + command);
            return new CommandResult(command, 0, string.Empty);
        }

        var result = Shell.Run(Directory, command);
        log.AppendLine("$ " + command).AppendLine(result.Output);
        return result;
    }

    public Recipe Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(Directory, name), text);
        log.AppendLine("wrote " + name);
        return this;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The code SagaDsl generates for your sagas, produced in memory by the same generator and analyzers
/// your build runs, so a test can approve it and see a diff when an edit of a saga or an upgrade of
/// SagaDsl changes it.
/// </summary>
/// <example>
/// <code>
/// [Fact]
/// public void Generated_code_is_approved() =>
///     GeneratedSagaCode.FromProject("../Shop").Approve();
/// </code>
/// </example>
public sealed class GeneratedSagaCode
{
    internal GeneratedSagaCode(GeneratorDriver driver, Compilation compilation, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Diagnostic> inputErrors)
    {
        Driver = driver;
        Compilation = compilation;
        Diagnostics = diagnostics;
        InputErrors = inputErrors;
        Files = driver.GetRunResult().Results
            .SelectMany(result => result.GeneratedSources)
            .Select(source => new GeneratedSagaFile(source.HintName, source.SourceText.ToString()))
            .OrderBy(file => file.HintName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The generator's driver after the run: what <c>Verify(driver)</c> of Verify.SourceGenerators takes.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The run's result: generated sources and the generator's diagnostics.</summary>
    public GeneratorDriverRunResult RunResult => Driver.GetRunResult();

    /// <summary>The saga's sources with the generated code added, as the build compiles them.</summary>
    public Compilation Compilation { get; }

    /// <summary>The generated files, ordered by hint name.</summary>
    public IReadOnlyList<GeneratedSagaFile> Files { get; }

    /// <summary>
    /// What the build would report about the sagas: every SAGA diagnostic of the generator and the
    /// analyzers, and any compiler warning or error inside generated code. Ordered by file and position.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Compiler errors in the saga's own sources. The project builds, so any error here means the in-memory
    /// build differs from it: a reference the test project lacks, or another language version.
    /// </summary>
    public IReadOnlyList<Diagnostic> InputErrors { get; }

    /// <summary>
    /// Generates the code of every saga in a project folder: all its <c>.cs</c> files except <c>bin</c>,
    /// <c>obj</c> and snapshots, with its <c>.editorconfig</c> severities, and the global usings and
    /// build properties of its last build.
    /// </summary>
    /// <param name="projectDirectory">The project's folder, absolute or relative to the calling test's source file.</param>
    /// <param name="options">How the build differs from a new .NET 10 project, if it does.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static GeneratedSagaCode FromProject(string projectDirectory, SagaGenerationOptions? options = null, [CallerFilePath] string callerFilePath = "")
    {
        var folder = TestSourceLocation.Resolve(projectDirectory, callerFilePath, Assembly.GetCallingAssembly());
        return InMemoryGeneration.Run(ProjectSources.In(folder), options ?? SagaGenerationOptions.Default);
    }

    /// <summary>Generates the code of the sagas in these files, which hold everything they use.</summary>
    /// <param name="paths">The files, absolute or relative to the calling test's source file.</param>
    /// <param name="options">How the build differs from a new .NET 10 project, if it does.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static GeneratedSagaCode FromFiles(IEnumerable<string> paths, SagaGenerationOptions? options = null, [CallerFilePath] string callerFilePath = "")
    {
        var testAssembly = Assembly.GetCallingAssembly();
        var files = paths.Select(path => TestSourceLocation.Resolve(path, callerFilePath, testAssembly)).ToList();
        return InMemoryGeneration.Run(ProjectSources.Of(files), options ?? SagaGenerationOptions.Default);
    }

    /// <summary>Generates the code of the sagas in C# source text.</summary>
    /// <param name="sources">Each a whole file; diagnostics name them <c>Source0.cs</c>, <c>Source1.cs</c>, ...</param>
    /// <param name="options">How the build differs from a new .NET 10 project, if it does.</param>
    public static GeneratedSagaCode FromSources(IEnumerable<string> sources, SagaGenerationOptions? options = null) =>
        InMemoryGeneration.Run(
            SagaSources.Text(sources.Select((text, index) => new SourceFile($"Source{index}.cs", text)).ToList()),
            options ?? SagaGenerationOptions.Default);

    /// <summary>
    /// Takes <c>[GeneratedCode]</c>'s version out of a generated line, as <see cref="Approve"/> does; for
    /// Verify users: <c>Verify(code.Driver).ScrubLinesWithReplace(GeneratedSagaCode.ScrubVersion)</c>.
    /// </summary>
    public static string ScrubVersion(string text) => SnapshotText.ScrubVersion(text);

    /// <summary>
    /// Approves every generated file against <c>{Class}.{Method}#{HintName}.verified.cs</c> beside the test,
    /// and the diagnostics, if there are any, against <c>{Class}.{Method}.verified.txt</c>. A difference writes
    /// <c>.received</c> files and throws <see cref="SnapshotMismatchException"/> with a unified diff; an
    /// approved file nothing produces any more fails too. Run the tests with <c>SAGADSL_ACCEPT_SNAPSHOTS=1</c>
    /// to approve what was received.
    /// </summary>
    /// <param name="options">Another folder or class name for the snapshot files.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <param name="testMethod">Filled in by the compiler.</param>
    /// <exception cref="InvalidOperationException">The sources did not compile in memory, or no saga was found.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Approve(SnapshotOptions? options = null, [CallerFilePath] string callerFilePath = "", [CallerMemberName] string testMethod = "")
    {
        EnsureComparable();
        var directory = TestSourceLocation.Resolve(options?.Directory ?? ".", callerFilePath, Assembly.GetCallingAssembly());
        var name = (options?.TypeName ?? TestClassName.Of(testMethod, callerFilePath)) + "." + testMethod;
        SnapshotApproval.Approve(directory, name, SnapshotFiles());
    }

    private List<SnapshotFile> SnapshotFiles()
    {
        var files = Files
            .Select(file => new SnapshotFile(
                "#" + Path.GetFileNameWithoutExtension(file.HintName),
                ".cs",
                SnapshotText.ScrubVersion(SnapshotText.Normalize(file.Text))))
            .ToList();
        if (Diagnostics.Count > 0)
        {
            files.Add(new SnapshotFile(string.Empty, ".txt", DiagnosticsReport.Format(Diagnostics)));
        }

        return files;
    }

    // A snapshot of a build that differs from the project's would approve code the project never gets.
    private void EnsureComparable()
    {
        if (InputErrors.Count > 0)
        {
            throw new InvalidOperationException(
                "The saga sources do not compile in memory as they do in their project, so the generated code would not be theirs:\n"
                + string.Join("\n", InputErrors.Take(20).Select(DiagnosticsReport.Line))
                + "\nUsually the test project lacks a reference the saga's project has, or the project sets another LangVersion or Nullable (see SagaGenerationOptions).");
        }

        if (Files.Count == 0)
        {
            throw new InvalidOperationException(
                "The generator wrote nothing for these sources: no class marked [Saga] was found in them.");
        }
    }
}

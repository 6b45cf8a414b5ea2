using System.Collections.Generic;

namespace SagaDsl.Testing.Snapshots;

/// <summary>What the in-memory build compiles: C# files, the analyzer config files that apply to them, and the additional files the generator reads.</summary>
/// <param name="Files">The C# files, with paths relative to <paramref name="Root"/>.</param>
/// <param name="Root">The folder the files came from; null for source text.</param>
/// <param name="Configs">.editorconfig and global config files, by full path: rule severities and build properties.</param>
/// <param name="AdditionalFiles">The project's shipped-shapes file, when it has one, as the package's targets pass it.</param>
internal sealed record SagaSources(IReadOnlyList<SourceFile> Files, string? Root, IReadOnlyList<SourceFile> Configs, IReadOnlyList<SourceFile>? AdditionalFiles = null)
{
    public static SagaSources Text(IReadOnlyList<SourceFile> files) => new(files, null, new List<SourceFile>());
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// How the in-memory build differs from the defaults, when the saga's project differs from them. The
/// defaults are those of a new .NET 10 project: the newest C#, nullable reference types enabled.
/// </summary>
public sealed class SagaGenerationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static SagaGenerationOptions Default { get; } = new();

    /// <summary>The project's <c>LangVersion</c>.</summary>
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    /// <summary>The project's <c>Nullable</c> setting.</summary>
    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Enable;

    /// <summary>
    /// MSBuild properties the generator reads, by name without the <c>build_property.</c> prefix, e.g.
    /// <c>SagaDslDiagramsPath</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> BuildProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Assemblies of the test process left out of the in-memory build, by simple name: one the saga's
    /// project does not reference changes what is generated (Temporalio.Extensions.Hosting, for one).
    /// </summary>
    public IReadOnlyCollection<string> ExcludedReferences { get; init; } = new List<string>();
}

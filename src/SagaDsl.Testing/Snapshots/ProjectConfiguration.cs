using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The project's analyzer config files as the compiler applies them: rule severities set with
/// <c>dotnet_diagnostic.ID.severity</c>, and the options generators and analyzers read
/// (<c>build_property.*</c> from the SDK's global config, overridden by <see cref="SagaGenerationOptions.BuildProperties"/>).
/// </summary>
internal sealed class ProjectConfiguration : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigOptionsResult global;
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> perTree;
    private readonly Options globalOptions;

    private ProjectConfiguration(AnalyzerConfigOptionsResult global, Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> perTree, IReadOnlyDictionary<string, string> buildProperties)
    {
        this.global = global;
        this.perTree = perTree;
        // Config keys are case-insensitive; the parser lower-cases them.
        var values = global.AnalyzerOptions.ToDictionary(pair => pair.Key, pair => pair.Value, AnalyzerConfigOptions.KeyComparer);
        foreach (var property in buildProperties)
        {
            values["build_property." + property.Key] = property.Value;
        }

        globalOptions = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => globalOptions;

    public static ProjectConfiguration For(SagaSources sources, IEnumerable<SyntaxTree> trees, IReadOnlyDictionary<string, string> buildProperties)
    {
        var set = AnalyzerConfigSet.Create(sources.Configs.Select(config => AnalyzerConfig.Parse(config.Text, config.Path)).ToImmutableArray());
        var perTree = trees.ToDictionary(
            tree => tree,
            tree => set.GetOptionsForSourcePath(sources.Root is null ? tree.FilePath : Path.Combine(sources.Root, tree.FilePath)));
        return new ProjectConfiguration(set.GlobalConfigOptions, perTree, buildProperties);
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        perTree.TryGetValue(tree, out var result) ? new Options(result.AnalyzerOptions) : Options.None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

    /// <summary>
    /// The diagnostic with the severity the project gives its rule, the file's section first, then the
    /// global one; null when the project turns the rule off.
    /// </summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        var configured = diagnostic.Location.SourceTree is { } tree && perTree.TryGetValue(tree, out var options)
            && options.TreeOptions.TryGetValue(diagnostic.Id, out var forFile)
            ? forFile
            : global.TreeOptions.TryGetValue(diagnostic.Id, out var forProject) ? forProject : ReportDiagnostic.Default;
        return configured switch
        {
            ReportDiagnostic.Suppress => null,
            ReportDiagnostic.Error => WithSeverity(diagnostic, DiagnosticSeverity.Error),
            ReportDiagnostic.Warn => WithSeverity(diagnostic, DiagnosticSeverity.Warning),
            ReportDiagnostic.Info => WithSeverity(diagnostic, DiagnosticSeverity.Info),
            ReportDiagnostic.Hidden => WithSeverity(diagnostic, DiagnosticSeverity.Hidden),
            _ => diagnostic,
        };
    }

    // Diagnostic.WithSeverity is internal to Roslyn; the same diagnostic is built again around its message.
    private static Diagnostic WithSeverity(Diagnostic diagnostic, DiagnosticSeverity severity) =>
        severity == diagnostic.Severity
            ? diagnostic
            : Diagnostic.Create(
                diagnostic.Id,
                diagnostic.Descriptor.Category,
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                severity,
                diagnostic.DefaultSeverity,
                isEnabledByDefault: true,
                warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
                title: diagnostic.Descriptor.Title,
                description: diagnostic.Descriptor.Description,
                helpLink: diagnostic.Descriptor.HelpLinkUri,
                location: diagnostic.Location,
                additionalLocations: diagnostic.AdditionalLocations,
                customTags: diagnostic.Descriptor.CustomTags,
                properties: diagnostic.Properties);

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options None = new(new Dictionary<string, string>(AnalyzerConfigOptions.KeyComparer));

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

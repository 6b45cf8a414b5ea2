using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SagaDsl.Testing.Snapshots;

/// <summary>MSBuild properties as the compiler hands them to generators: global <c>build_property.Name</c> options.</summary>
internal sealed class BuildPropertyOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options global;

    public BuildPropertyOptions(IReadOnlyDictionary<string, string> properties) =>
        global = new Options(properties.ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value));

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options None = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

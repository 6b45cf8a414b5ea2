using System;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>The names the generator gives its output, and how to tell its output from the user's code.</summary>
internal static class GeneratedNames
{
    public const string ActivitiesClass = "Activities";

    /// <summary>The key of the saga's phase search attribute in the generated <c>SearchAttributes</c> class.</summary>
    public const string PhaseKey = "Phase";

    /// <summary>The start of the keys of the phase attributes older shapes kept: <c>PhaseInShape1</c>, <c>PhaseInShape2</c>, ...</summary>
    public const string OlderPhaseKeyPrefix = "PhaseInShape";

    /// <summary>The members of <see cref="object"/> an adapter method of the same name would overload, so no method group names it alone.</summary>
    public static readonly System.Collections.Generic.HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "ToString", "GetHashCode", "GetType", "Equals", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>What every generated result declares besides the steps' results.</summary>
    public static readonly System.Collections.Generic.HashSet<string> ResultMembers = new(StringComparer.Ordinal)
    {
        "NonCriticalFailures", "SkippedSteps",
    };

    /// <summary>The namespaces generated code names from <c>global::</c>.</summary>
    public static readonly string[] RootNamespaces = { "System", "Temporalio", "SagaDsl", "Microsoft" };

    public static readonly (string Suffix, string Artifact)[] SiblingTypes =
    {
        ("Workflow", "workflow"),
        ("Result", "result type"),
        ("Worker", "worker registration"),
        ("Client", "client helper"),
        ("Hosting", "hosted-worker registration"),
    };

    // Generated trees live under "{assembly}/{generator type}/": the analyzer sees them, the generator does not.
    private const string GeneratorFolder = "SagaDsl.Generator.SagaGenerator";

    public static bool IsGenerated(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree.FilePath.IndexOf(GeneratorFolder, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return !symbol.DeclaringSyntaxReferences.IsEmpty;
    }
}

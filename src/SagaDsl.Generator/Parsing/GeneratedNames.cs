using System;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>The names the generator gives its output, and how to tell its output from the user's code.</summary>
internal static class GeneratedNames
{
    public const string ActivitiesClass = "Activities";

    /// <summary>The class nested in the workflow that holds the saga's search attribute keys.</summary>
    public const string SearchAttributesClass = "SearchAttributes";

    /// <summary>Its list of every key, for registering them on a namespace.</summary>
    public const string AllKeys = "All";

    /// <summary>Its method that sets the input's search attributes on start options.</summary>
    public const string ForStart = "ForStart";

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

    // The types generated beside a saga class are named after it with these suffixes.
    public const string WorkflowSuffix = "Workflow";
    public const string ResultSuffix = "Result";
    public const string WorkerSuffix = "Worker";
    public const string ClientSuffix = "Client";
    public const string HostingSuffix = "Hosting";

    /// <summary>Every type generated beside a saga, with what it is, for the message when the user's code already declares one.</summary>
    public static readonly (string Suffix, string Artifact)[] SiblingTypes =
    {
        (WorkflowSuffix, "workflow"),
        (ResultSuffix, "result type"),
        (WorkerSuffix, "worker registration"),
        (ClientSuffix, "client helper"),
        (HostingSuffix, "hosted-worker registration"),
    };

    /// <summary>
    /// The folder generated trees live in, "{generator assembly}/{generator type}/": the analyzer sees them,
    /// the generator does not. The package's targets copy diagrams out of it; a test holds all three equal.
    /// </summary>
    public const string GeneratorFolder = "SagaDsl.Generator.SagaGenerator";

    /// <summary>The extension method that adds a saga's hosted workers to a service collection.</summary>
    public static string AddWorkers(string saga) => "Add" + saga + "Workers";

    /// <summary>The extension methods that add a saga to a worker's options, a list of them, or a hosted worker.</summary>
    public static string AddSaga(string saga) => "Add" + saga;

    // The client helper's extension methods of ITemporalClient.
    public static string StartSaga(string saga) => "Start" + saga + "Async";

    public static string ExecuteSaga(string saga) => "Execute" + saga + "Async";

    public static string GetStatus(string saga) => "Get" + saga + "StatusAsync";

    public static string RetryStep(string saga) => "Retry" + saga + "StepAsync";

    public static string SkipStep(string saga) => "Skip" + saga + "StepAsync";

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

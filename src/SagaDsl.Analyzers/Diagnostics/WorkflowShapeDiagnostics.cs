using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SagaDsl.Diagnostics;

namespace SagaDsl.Analyzers.Diagnostics;

/// <summary>
/// The shape rules the Temporal .NET SDK enforces only when a worker registers the workflow (it throws
/// then): one public, instance, non-generic run method returning a task, with the init constructor's
/// parameter types; handlers that are public and not static, signals returning exactly Task, queries a
/// value that is no task, updates a task. Errors: a workflow that breaks one never starts. Beside them,
/// two shapes the SDK accepts that still never work: a cancellation token among the arguments the SDK
/// reads from the caller's payloads, and a run method that loops forever without continuing as new.
/// </summary>
internal static class WorkflowShapeDiagnostics
{
    private const string Category = "Temporal.WorkflowShape";

    public static readonly DiagnosticDescriptor RunMethod = Rule(
        RuleIds.RunMethod, "Workflow run method is missing or malformed", "Workflow '{0}' {1}; the SDK rejects the workflow when a worker registers it");

    public static readonly DiagnosticDescriptor Handler = Rule(
        RuleIds.Handler, "Workflow handler is malformed", "{0} '{1}' {2}; the SDK rejects the workflow when a worker registers it");

    public static readonly DiagnosticDescriptor CancellationTokenParameter = Rule(
        RuleIds.CancellationTokenParameter, "Workflow method takes a CancellationToken", "{0} '{1}' takes CancellationToken '{2}'; the SDK reads it from the caller's arguments, so it is missing or never cancelled: use Workflow.CancellationToken");

    public static readonly DiagnosticDescriptor EndlessLoop = Rules.Create(
        RuleIds.EndlessLoop,
        "Workflow run method loops forever without continuing as new",
        "'{0}' loops forever and never continues as new; its history grows until Temporal terminates the workflow at 51,200 events or 50 MB: continue as new when Workflow.ContinueAsNewSuggested is true",
        Category,
        DiagnosticSeverity.Warning);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(RunMethod, Handler, CancellationTokenParameter, EndlessLoop);

    private static DiagnosticDescriptor Rule(string id, string title, string message) =>
        Rules.Create(id, title, message, Category, DiagnosticSeverity.Error);
}

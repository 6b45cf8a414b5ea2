using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SagaDsl.Diagnostics;

namespace SagaDsl.Analyzers.Diagnostics;

/// <summary>
/// The shape rules the Temporal .NET SDK enforces only when a worker registers the workflow (it throws
/// then): one public, instance, non-generic run method returning a task, with the init constructor's
/// parameter types; handlers that are public and not static, signals returning exactly Task, queries a
/// value that is no task, updates a task. Errors: a workflow that breaks one never starts.
/// </summary>
internal static class WorkflowShapeDiagnostics
{
    private const string Category = "Temporal.WorkflowShape";

    public static readonly DiagnosticDescriptor RunMethod = Rule(
        "SAGA201", "Workflow run method is missing or malformed", "Workflow '{0}' {1}; the SDK rejects the workflow when a worker registers it");

    public static readonly DiagnosticDescriptor Handler = Rule(
        "SAGA202", "Workflow handler is malformed", "{0} '{1}' {2}; the SDK rejects the workflow when a worker registers it");

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(RunMethod, Handler);

    private static DiagnosticDescriptor Rule(string id, string title, string message) =>
        Rules.Create(id, title, message, Category, DiagnosticSeverity.Error);
}

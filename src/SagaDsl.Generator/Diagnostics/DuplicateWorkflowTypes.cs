using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

/// <summary>Sagas of one compilation that share a workflow type, and so every activity name.</summary>
internal static class DuplicateWorkflowTypes
{
    /// <summary>One error on each saga after the first (by full name) that reuses a workflow type.</summary>
    public static IEnumerable<Diagnostic> Find(ImmutableArray<SagaIdentity> sagas)
    {
        foreach (var group in sagas.GroupBy(static saga => saga.WorkflowType, StringComparer.Ordinal).Where(static group => group.Count() > 1))
        {
            var ordered = group.OrderBy(static saga => saga.FullName, StringComparer.Ordinal).ToList();
            foreach (var saga in ordered.Skip(1))
            {
                yield return Diagnostic.Create(
                    SagaDiagnostics.DuplicateWorkflowType,
                    saga.Location?.ToLocation(),
                    saga.FullName,
                    saga.WorkflowType,
                    ordered[0].FullName);
            }
        }
    }
}

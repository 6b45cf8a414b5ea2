using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

internal sealed partial class SagaParser
{
    /// <summary>
    /// A step that heartbeats tells Temporal it is alive, but Temporal only listens with a heartbeat
    /// timeout: without one, a worker that dies mid-step is noticed when the attempt's whole timeout
    /// has passed, and the heartbeats only carry progress for the next attempt.
    /// </summary>
    private void CheckHeartbeats(IMethodSymbol method, ActivityOptionsModel options)
    {
        if (options.HeartbeatTicks is not null)
        {
            return;
        }

        var contexts = method.Parameters.Where(parameter => KnownTypes.Is(parameter.Type, known.StepContext)).Select(static parameter => parameter.Name).ToList();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var heartbeat = reference.GetSyntax(cancellationToken).DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Heartbeat" } access
                    && (access.Expression is IdentifierNameSyntax { Identifier.ValueText: var receiver } && contexts.Contains(receiver)
                        || access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Current", Expression: IdentifierNameSyntax { Identifier.ValueText: "ActivityExecutionContext" } }));
            if (heartbeat is not null)
            {
                var attemptTimeout = TimeSpan.FromTicks(options.StartToCloseTicks ?? options.ScheduleToCloseTicks ?? DefaultStartToClose).ToString("c", CultureInfo.InvariantCulture);
                Report(SagaDiagnostics.HeartbeatWithoutTimeout, LocationInfo.From(heartbeat), method.Name, attemptTimeout);
                return;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.Checking;
using SagaDsl.Testing.Exploration.Driving;
using Temporalio.Api.Failure.V1;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>Records how a path's workflow ended and checks the world it leaves behind.</summary>
internal static class Ends
{
    /// <summary>The outcome of a path whose workflow completed; the invariants and the plain run key on it.</summary>
    public const string Completed = "Completed";

    /// <summary>The outcome of a path whose workflow was cancelled.</summary>
    public const string Cancelled = "Cancelled";

    public static void Finish(ExplorationContext context, PathState path, WorkflowEnd end)
    {
        switch (end.Kind)
        {
            case WorkflowEndKind.TaskFailed:
                context.Broken(ViolationKind.Stuck, "workflow task", $"the workflow's run method threw {end.Exception!.GetType().Name} ({end.Exception.Message}), which fails the workflow task: Temporal retries it for ever and the saga is stuck", path);
                return;
            case WorkflowEndKind.Completed:
                path.History.EndsCompleted(end.Result);
                if (PayloadRoundTrip.Loss(context.Converter, end.Result) is { } lost)
                {
                    context.Violated(ViolationKind.PayloadLost, "workflow result", "the saga's result does not survive the payload converter: " + lost, path);
                }

                // A step an operator skipped is reported in the result, with the reason.
                Checked(context, path, Completed, (end.Result as ISagaResult)?.SkippedSteps.Select(step => step.Step).ToList() ?? new List<string>());
                return;
            case WorkflowEndKind.Cancelled:
                path.History.EndsCancelled();
                Checked(context, path, Cancelled, Array.Empty<string>());
                return;
            default:
                var failure = context.Converter.FailureConverter.ToFailure(end.Exception!, context.Converter.PayloadConverter);
                path.History.EndsFailed(failure);
                Checked(context, path, "Failed: " + (failure.ApplicationFailureInfo?.Type is { Length: > 0 } type ? type : end.Exception!.GetType().Name), Owed(context, failure));
                return;
        }
    }

    private static void Checked(ExplorationContext context, PathState path, string outcome, IReadOnlyCollection<string> owed)
    {
        path.Note("the workflow ended " + outcome + (owed.Count > 0 ? ", reporting as owed or skipped: " + string.Join(", ", owed) : string.Empty));
        context.Ended(path, outcome);
        Invariants.Check(context, path, outcome, owed);
    }

    /// <summary>
    /// The steps a failure reports for manual follow-up: the <see cref="StepFailure"/> records in its
    /// details, whatever its error type. A failure that lists nothing reports nothing as owed.
    /// </summary>
    private static SortedSet<string> Owed(ExplorationContext context, Failure failure)
    {
        var owed = new SortedSet<string>(StringComparer.Ordinal);
        if (failure.ApplicationFailureInfo?.Details is not { } details)
        {
            return owed;
        }

        foreach (var payload in details.Payloads_)
        {
            foreach (var type in new[] { typeof(StepFailure[]), typeof(StepFailure) })
            {
                try
                {
                    switch (context.Converter.PayloadConverter.ToValue(payload, type))
                    {
                        case StepFailure[] many:
                            foreach (var one in many)
                            {
                                owed.Add(one.Step);
                            }

                            break;
                        case StepFailure one:
                            owed.Add(one.Step);
                            break;
                    }

                    break;
                }
#pragma warning disable CA1031 // A detail of another shape is not a StepFailure; that is all it says.
                catch (Exception)
#pragma warning restore CA1031
                {
                    continue;
                }
            }
        }

        return owed;
    }
}

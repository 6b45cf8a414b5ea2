using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private static void WriteWorkflow(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>")
                .Line($"/// The Temporal workflow of the <see cref=\"{saga.FullName}\"/> saga: its steps run in order as")
                .Line("/// activities; when a critical step fails before the pivot, the completed steps are compensated.")
                .Line("/// </summary>")
                .Line(GeneratedCode)
                .Line($"[{Workflow}(WorkflowType)]")
                .Open($"{saga.Accessibility} sealed class {saga.WorkflowClass} : {Runtime}.ISagaWorkflow")
                .Line("/// <summary>The workflow type name.</summary>")
                .Line($"public const string WorkflowType = {Literals.Quote(saga.WorkflowType)};")
                .Line()
                .Line("/// <summary>The task queue of the workflow, and of every activity that names no other.</summary>")
                .Line($"public const string TaskQueue = {Literals.Quote(saga.TaskQueue)};")
                .Line();
            WriteDefinition(writer, saga);
            WriteDiagram(writer, saga);
            if (saga.HasSearchAttributeKeys)
            {
                WriteSearchAttributeKeys(writer, saga);
            }

            writer.Line(saga.PhaseSearchAttribute is null
                    ? $"private readonly {Runtime}.SagaProgress progress = new(WorkflowType);"
                    : $"private readonly {Runtime}.SagaProgress progress = new(WorkflowType, SearchAttributes.Phase);")
                .Line($"private readonly {Runtime}.SagaParking parking;")
                .Line()
                .Line($"/// <summary>Initializes a new instance of the <see cref=\"{saga.WorkflowClass}\"/> class.</summary>")
                .Line($"public {saga.WorkflowClass}() => parking = new(progress);")
                .Line()
                .Line("/// <summary>Gets where the saga stands: its phase, the step it runs, what it completed, undid, failed to undo or owes.</summary>")
                .Line("[global::Temporalio.Workflows.WorkflowQuery]")
                .Line($"public {Runtime}.SagaStatus Status => progress.Status;")
                .Line();
            WriteOperatorUpdates(writer);
            WriteRun(writer, saga);
            writer.Line();
            WriteOptions(writer, saga);
            writer.Close();
        }

        private static void WriteRun(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>Runs the saga and returns what its steps produced.</summary>")
                .Line("[global::Temporalio.Workflows.WorkflowRun]")
                .Open($"public async global::System.Threading.Tasks.Task<{saga.Qualified(saga.ResultClass)}> RunAsync({InputParameter(saga)})");
            if (!saga.IsVersioned)
            {
                WriteRunBody(writer, saga);
                writer.Close();
                return;
            }

            WriteShapeChoice(writer, saga);
            writer.Close();
            for (var index = saga.Paths.Length - 1; index >= 0; index--)
            {
                var path = saga.Paths[index];
                writer.Line()
                    .Line(index == saga.Paths.Length - 1
                        ? $"/// <summary>Runs shape {path.Shape} of the saga, as declared: every execution that starts now.</summary>"
                        : $"/// <summary>Runs shape {path.Shape} of the saga, for the executions that began on it: the saga's methods, in that shape's order.</summary>")
                    .Open($"private async global::System.Threading.Tasks.Task<{saga.Qualified(saga.ResultClass)}> {ShapeRun(path)}({InputParameter(saga)})");
                WritePhaseAttributeOf(writer, saga, path);
                WriteRunBody(writer, saga.On(path));
                writer.Close();
            }
        }

        /// <summary>
        /// The patch checks come before any command, newest shape first. A new execution records the
        /// newest shape's marker; a replay finds its own shape's marker in the history, or none for shape 1.
        /// </summary>
        private static void WriteShapeChoice(SourceWriter writer, SagaModel saga)
        {
            var input = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga);
            writer.Line("// Every execution finishes on the shape it began on (SagaShapes.Shipped.txt): one that starts now")
                .Line("// records the newest shape's patch, and a replay finds its own shape's patch in the history.");
            for (var index = saga.Paths.Length - 1; index >= 0; index--)
            {
                var path = saga.Paths[index];
                if (path.Patch is null)
                {
                    writer.Line($"return await {ShapeRun(path)}({input});");
                }
                else if (path.Deprecated)
                {
                    writer.Line("// No older shape is left to run: the patch is only checked, so histories that recorded it still replay.")
                        .Line($"{Workflow}.DeprecatePatch({Literals.Quote(path.Patch)});")
                        .Line($"return await {ShapeRun(path)}({input});");
                }
                else
                {
                    writer.Open($"if ({Workflow}.Patched({Literals.Quote(path.Patch)}))")
                        .Line($"return await {ShapeRun(path)}({input});")
                        .Close()
                        .Line();
                }
            }
        }

        /// <summary>
        /// An execution publishes its phase where the shape it began on kept it, since that is where the
        /// queries of the operators who run it look; it never moves to another attribute halfway.
        /// </summary>
        private static void WritePhaseAttributeOf(SourceWriter writer, SagaModel saga, RunPath path)
        {
            if (path.PhaseSearchAttribute == saga.PhaseSearchAttribute)
            {
                return;
            }

            writer.Line(path.PhaseSearchAttribute is null
                    ? $"// Shape {path.Shape} kept its phase in no search attribute, and its executions go on without one."
                    : $"// Shape {path.Shape} kept its phase in {path.PhaseSearchAttribute}, and its executions go on publishing it there.")
                .Line($"progress.KeepPhaseIn({(path.PhaseSearchAttribute is null ? "null" : "SearchAttributes." + PhaseKeyOf(saga, path.PhaseSearchAttribute))});")
                .Line();
        }

        private static string ShapeRun(RunPath path) => $"RunShape{path.Shape}Async";

        private static string InputParameter(SagaModel saga) =>
            saga.InputType is null ? string.Empty : $"{saga.InputType} {LocalNames.SagaInput(saga)}";

        private static void WriteRunBody(SourceWriter writer, SagaModel saga)
        {
            if (saga.HasSearchAttributes)
            {
                WriteSearchAttributeUpsert(writer, saga);
            }

            writer.Line($"var compensations = new {Runtime}.SagaCompensations(progress, parking, parallel: {Literals.Bool(saga.ParallelCompensation)});");
            if (saga.DeadlineTicks is { } deadline)
            {
                writer.Line(saga.Steps.Any(static step => step.IsPivot)
                        ? "// A durable timer: if the pivot has not started by then, the running step is cancelled and the"
                        : "// A durable timer: if the saga has not finished by then, the running step is cancelled and the")
                    .Line("// saga compensates, which a workflow timeout would not let it do.")
                    .Line($"var deadline = new {Runtime}.SagaDeadline({Literals.Duration(deadline)}, progress);");
            }

            foreach (var step in saga.Steps.Where(static step => step.Method.HasResult))
            {
                writer.Line(step.IsCritical
                    ? $"{step.Method.ResultType} {ResultLocal(saga, step.Method.Name)};"
                    : $"{Nullable(step.Method.ResultType!)} {ResultLocal(saga, step.Method.Name)} = default;");
            }

            writer.Line().Open("try");
            var first = true;
            foreach (var step in saga.Steps.Where(static step => !step.IsAfterPivot))
            {
                if (step.IsPivot)
                {
                    WritePivot(writer, saga, step, ref first);
                    continue;
                }

                WriteStep(writer, saga, step, ref first);
            }

            writer.Close()
                .Line($"catch (global::System.Exception failure) when ({Runtime}.SagaFailures.ShouldCompensate(failure))")
                .Open()
                .Line(saga.ParallelCompensation
                    ? "// Undo what took effect or may have, all at once. Compensations are scheduled on a cancellation"
                    : "// Undo what took effect or may have, newest first. Compensations are scheduled on a cancellation")
                .Line("// token detached from the workflow's, so a cancelled saga still undoes its work.")
                .Line(saga.DeadlineTicks is null
                    ? "throw await compensations.CompensateAsync(failure);"
                    : "throw await compensations.CompensateAsync(deadline.Explain(failure));")
                .Close();

            if (saga.Steps.FirstOrDefault(static step => step.IsPivot) is { } pivot)
            {
                writer.Line()
                    .Line("// The pivot completed: the saga can only move forward now. Nothing before it is ever")
                    .Line("// compensated; the steps after it ignore cancellation, and a critical one that fails for good")
                    .Line("// waits for an operator to retry or skip it.")
                    .Line($"progress.PivotPassed({Literals.Quote(pivot.Method.Name)});");
                first = false;
                foreach (var step in saga.Steps.Where(static step => step.IsAfterPivot))
                {
                    WriteStep(writer, saga, step, ref first);
                }
            }

            writer.Line()
                .Line("progress.SagaCompleted();")
                .Open($"return new {saga.Qualified(saga.ResultClass)}");
            foreach (var step in saga.Steps.Where(static step => step.Method.HasResult))
            {
                writer.Line($"{step.Method.Identifier} = {ResultLocal(saga, step.Method.Name)},");
            }

            writer.Line("NonCriticalFailures = progress.NonCriticalFailures,")
                .Line("SkippedSteps = progress.SkippedSteps,")
                .Close("};");
        }

        private static void WriteStep(SourceWriter writer, SagaModel saga, StepModel step, ref bool first)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line($"// Step {step.Order}: {step.Method.Name}{Describe(step)}")
                .Line($"progress.StepRunning({Literals.Quote(step.Method.Name)});");
            if (!step.IsCritical)
            {
                writer.Open("try");
                WriteCall(writer, saga, step);
                WriteCompleted(writer, step);
                writer.Close()
                    .Line("catch (global::Temporalio.Exceptions.ActivityFailureException failure) when (!global::Temporalio.Exceptions.TemporalException.IsCanceledException(failure))")
                    .Open()
                    .Line($"progress.NonCriticalStepFailed({Literals.Quote(step.Method.Name)}, {Literals.Quote(step.ActivityName)}, failure);")
                    .Close();
                return;
            }

            if (step.IsAfterPivot)
            {
                WriteParkedOnFailure(writer, saga, step);
                return;
            }

            switch (step.Compensation)
            {
                case null:
                    WriteCall(writer, saga, step);
                    break;
                case { UsesStepResult: false } compensation:
                    WriteUndoneByKey(writer, saga, step, compensation);
                    break;
                case { } compensation:
                    WriteUndoneWithResult(writer, saga, step, compensation);
                    break;
            }

            WriteCompleted(writer, step);
        }

        /// <summary>
        /// A compensation that needs nothing the step returns is pushed before the step runs: however
        /// the step ends, short of a definite "no", it may have taken effect, and the compensation
        /// undoes it by the step's key.
        /// </summary>
        private static void WriteUndoneByKey(SourceWriter writer, SagaModel saga, StepModel step, CompensationModel compensation)
        {
            writer.Line($"var {KeyLocal(saga, step)} = {Runtime}.IdempotencyKey.NewForStep({Literals.Quote(step.ActivityName)});")
                .Line($"// Pushed before {step.Method.Name} runs: a step that ends without a definite answer (a timeout,")
                .Line($"// exhausted retries, a cancel) may have taken effect, and {compensation.Method.Name} undoes it by key.");
            WritePush(writer, saga, step, compensation);
            writer.Open("try");
            WriteActivityCall(writer, saga, step);
            writer.Close()
                .Line($"catch (global::System.Exception failure) when ({Runtime}.SagaFailures.TookNoEffect(failure, maximumAttempts: {step.Options.MaximumAttempts}))")
                .Open()
                .Line("// The service's definite \"no\": nothing took effect, so there is nothing to undo.")
                .Line($"compensations.Withdraw({Literals.Quote(step.Method.Name)});")
                .Line("throw;")
                .Close()
                .Line();
        }

        /// <summary>
        /// A compensation that takes the step's result can only be pushed once the step returned it. A
        /// step that ends without an answer may have taken effect all the same: it is reported as owed.
        /// </summary>
        private static void WriteUndoneWithResult(SourceWriter writer, SagaModel saga, StepModel step, CompensationModel compensation)
        {
            var key = KeyLocal(saga, step);
            writer.Line($"var {key} = {Runtime}.IdempotencyKey.NewForStep({Literals.Quote(step.ActivityName)});")
                .Open("try");
            WriteActivityCall(writer, saga, step);
            writer.Close()
                .Line($"catch (global::Temporalio.Exceptions.ActivityFailureException failure) when ({Runtime}.SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: {step.Options.MaximumAttempts}))")
                .Open()
                .Line($"// {step.Method.Name} may have taken effect, but {compensation.Method.Name} needs its result to undo it: the")
                .Line("// saga reports the step as owed instead of claiming it was compensated.")
                .Line($"compensations.Owe({Literals.Quote(step.Method.Name)}, {Literals.Quote(step.ActivityName)}, {key}, failure);")
                .Line("throw;")
                .Close()
                .Line();
            WritePush(writer, saga, step, compensation);
        }

        private static void WritePush(SourceWriter writer, SagaModel saga, StepModel step, CompensationModel compensation)
        {
            var key = CompensationKeyLocal(saga, step);
            writer.Line($"var {key} = {Runtime}.IdempotencyKey.ForCompensation({KeyLocal(saga, step)});")
                .Line($"compensations.Push({Literals.Quote(step.Method.Name)}, {Literals.Quote(compensation.ActivityName)}, {key}, () => {Workflow}.ExecuteActivityAsync(")
                .Indent()
                .Line($"({saga.ActivitiesClass} activities) => activities.{compensation.Method.Identifier}({Arguments(saga, compensation.Method, key)}),")
                .Line($"{CompensationOptions(saga, step)}));")
                .Outdent();
        }

        /// <summary>
        /// The pivot runs detached from cancellation, so once it starts it reaches its answer, and it
        /// runs again with the same key until that answer is definite: only then can the saga go
        /// forward (it took effect) or back (it did not).
        /// </summary>
        private static void WritePivot(SourceWriter writer, SagaModel saga, StepModel step, ref bool first)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line(saga.DeadlineTicks is null
                    ? "// A cancel requested before the pivot starts still undoes the saga; once it has started the"
                    : "// A cancel, or the deadline, before the pivot starts still undoes the saga; once it has started the")
                .Line("// pivot runs detached from cancellation and reaches its answer.")
                .Line(saga.DeadlineTicks is null ? $"{Workflow}.CancellationToken.ThrowIfCancellationRequested();" : "deadline.PivotStarting();")
                .Line()
                .Line($"// Step {step.Order}: {step.Method.Name}{Describe(step)}")
                .Line($"progress.StepRunning({Literals.Quote(step.Method.Name)});")
                .Line($"var {KeyLocal(saga, step)} = {Runtime}.IdempotencyKey.NewForStep({Literals.Quote(step.ActivityName)});")
                .Open("while (true)")
                .Open("try");
            WriteActivityCall(writer, saga, step);
            writer.Line("break;")
                .Close()
                .Line($"catch (global::Temporalio.Exceptions.ActivityFailureException failure) when ({Runtime}.SagaFailures.MayHaveTakenEffect(failure, maximumAttempts: {step.Options.MaximumAttempts}))")
                .Open()
                .Line("// The pivot may have taken effect, so the saga can go neither back nor on: ask again, with")
                .Line("// the same key, until the answer is definite.")
                .Line($"progress.PivotUncertain({Literals.Quote(step.Method.Name)}, failure);")
                .Close()
                .Close()
                .Line();
            WriteCompleted(writer, step);
        }

        /// <summary>
        /// A critical step after the pivot can be neither undone nor given up: when it fails for good the
        /// saga parks it until an operator tells it to run it again (with the same key) or, for a step
        /// whose result nothing needs, to go on without it.
        /// </summary>
        private static void WriteParkedOnFailure(SourceWriter writer, SagaModel saga, StepModel step)
        {
            var name = Literals.Quote(step.Method.Name);
            var waitForOperator = $"await parking.WaitForOperatorAsync({name}, {Literals.Quote(step.ActivityName)}, failure, {KeyLocal(saga, step)}, canSkip: {Literals.Bool(!step.Method.HasResult)})";
            writer.Line($"var {KeyLocal(saga, step)} = {Runtime}.IdempotencyKey.NewForStep({Literals.Quote(step.ActivityName)});")
                .Open("while (true)")
                .Open("try");
            WriteActivityCall(writer, saga, step);
            WriteCompleted(writer, step);
            writer.Line("break;")
                .Close()
                .Line("catch (global::Temporalio.Exceptions.ActivityFailureException failure)")
                .Open();
            if (step.Method.HasResult)
            {
                writer.Line($"// The saga returns what {step.Method.Name} produces, so an operator can only have it run again.")
                    .Line(waitForOperator + ";");
            }
            else
            {
                writer.Open($"if ({waitForOperator} == {Runtime}.SagaOperatorDecision.Skip)")
                    .Line("break;")
                    .Close();
            }

            writer.Close()
                .Close();
        }

        /// <summary>The updates by which an operator moves a parked saga on; each is validated against what is parked now.</summary>
        private static void WriteOperatorUpdates(SourceWriter writer) =>
            writer.Line("/// <summary>Runs a parked step or compensation again, with its key, once the cause of its failure is fixed.</summary>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("/// <returns>A task that completes once the saga has taken the decision.</returns>")
                .Line("[global::Temporalio.Workflows.WorkflowUpdate(\"Retry\")]")
                .Line("public global::System.Threading.Tasks.Task RetryAsync(string step) => parking.RetryAsync(step);")
                .Line()
                .Line("/// <summary>Rejects a retry of anything the saga has not parked.</summary>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("[global::Temporalio.Workflows.WorkflowUpdateValidator(nameof(RetryAsync))]")
                .Line("public void ValidateRetry(string step) => parking.ValidateRetry(step);")
                .Line()
                .Line("/// <summary>Goes on without a parked step or compensation; the reason is recorded in the status, the result or failure, and the history.</summary>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("/// <param name=\"reason\">Why the saga may go on without it.</param>")
                .Line("/// <returns>A task that completes once the saga has taken the decision.</returns>")
                .Line("[global::Temporalio.Workflows.WorkflowUpdate(\"Skip\")]")
                .Line("public global::System.Threading.Tasks.Task SkipAsync(string step, string reason) => parking.SkipAsync(step, reason);")
                .Line()
                .Line("/// <summary>Rejects a skip of anything the saga has not parked, of a step whose result it needs, or without a reason.</summary>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("/// <param name=\"reason\">Why the saga may go on without it.</param>")
                .Line("[global::Temporalio.Workflows.WorkflowUpdateValidator(nameof(SkipAsync))]")
                .Line("public void ValidateSkip(string step, string reason) => parking.ValidateSkip(step, reason);")
                .Line();

        private static void WriteCall(SourceWriter writer, SagaModel saga, StepModel step)
        {
            writer.Line($"var {KeyLocal(saga, step)} = {Runtime}.IdempotencyKey.NewForStep({Literals.Quote(step.ActivityName)});");
            WriteActivityCall(writer, saga, step);
        }

        private static void WriteActivityCall(SourceWriter writer, SagaModel saga, StepModel step)
        {
            var assign = step.Method.HasResult ? ResultLocal(saga, step.Method.Name) + " = " : string.Empty;
            writer.Line($"{assign}await {Workflow}.ExecuteActivityAsync(")
                .Indent()
                .Line($"({saga.ActivitiesClass} activities) => activities.{step.Method.Identifier}({Arguments(saga, step.Method, KeyLocal(saga, step))}),")
                .Line(saga.DeadlineTicks is not null && !step.Options.Detached ? $"deadline.Bound({StepOptions(saga, step)}));" : $"{StepOptions(saga, step)});")
                .Outdent();
        }

        private static void WriteCompleted(SourceWriter writer, StepModel step) =>
            writer.Line($"progress.StepCompleted({Literals.Quote(step.Method.Name)});");

        private static string Arguments(SagaModel saga, MethodModel method, string key)
        {
            var values = DataParameters(method)
                .Select(parameter => parameter.Binding == BindingKind.Input ? LocalNames.SagaInput(saga) : ResultLocal(saga, parameter.SourceStep!))
                .Append(key);
            return string.Join(", ", values);
        }

        private static string Describe(StepModel step)
        {
            if (step.IsPivot)
            {
                return ", the pivot: once it has taken effect, nothing is compensated.";
            }

            if (!step.IsCritical)
            {
                return ", not critical: a failure is recorded in the result and the saga goes on.";
            }

            if (step.IsAfterPivot)
            {
                return ", after the pivot: never compensated; if it fails for good, an operator decides.";
            }

            return step.Compensation is { } compensation
                ? $", undone by {compensation.Method.Name} if a later step fails."
                : ", nothing to undo.";
        }

        private static void WriteOptions(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>The activity options of every step and compensation, as declared on the saga.</summary>")
                .Open("private static class " + LocalNames.OptionsClass(saga));
            var first = true;
            foreach (var step in saga.AllSteps)
            {
                WriteOption(writer, step.Method.Identifier, step.Options, ref first);
                foreach (var compensation in step.AllCompensations)
                {
                    WriteOption(writer, LocalNames.CompensationOptions(saga, step.Method.Name) + compensation.OptionsVariant, compensation.Options, ref first);
                }
            }

            var moved = saga.Paths.SelectMany(static path => path.Steps).Where(static step => step.OptionsVariant.Length > 0).ToList();
            if (moved.Count > 0)
            {
                writer.Line()
                    .Line("// Steps that had another place in an older shape keep that place's cancellation and retries there:")
                    .Line("// the pivot and the steps after it ignore cancellation and retry until they have an answer.");
                first = true;
            }

            foreach (var step in moved)
            {
                WriteOption(writer, step.Method.Identifier + step.OptionsVariant, step.Options, ref first);
            }

            writer.Close();
        }

        private static void WriteOption(SourceWriter writer, string name, ActivityOptionsModel options, ref bool first)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line($"public static global::Temporalio.Workflows.ActivityOptions {name} => new()").Open();
            if (options.StartToCloseTicks is { } startToClose)
            {
                writer.Line($"StartToCloseTimeout = {Literals.Duration(startToClose)},");
            }

            if (options.ScheduleToCloseTicks is { } scheduleToClose)
            {
                writer.Line($"ScheduleToCloseTimeout = {Literals.Duration(scheduleToClose)},");
            }

            if (options.HeartbeatTicks is { } heartbeat)
            {
                writer.Line($"HeartbeatTimeout = {Literals.Duration(heartbeat)},");
            }

            if (options.TaskQueue is { } queue)
            {
                writer.Line($"TaskQueue = {Literals.Quote(queue)},");
            }

            writer.Line("RetryPolicy = new()").Open();
            writer.Line($"MaximumAttempts = {options.MaximumAttempts},");
            if (options.InitialIntervalTicks is { } initial)
            {
                writer.Line($"InitialInterval = {Literals.Duration(initial)},");
            }

            if (options.MaximumIntervalTicks is { } maximum)
            {
                writer.Line($"MaximumInterval = {Literals.Duration(maximum)},");
            }

            if (options.BackoffCoefficient is { } backoff)
            {
                writer.Line($"BackoffCoefficient = {Literals.Float(backoff)},");
            }

            if (options.NonRetryableErrorTypes.Length > 0)
            {
                writer.Line($"NonRetryableErrorTypes = new[] {{ {string.Join(", ", options.NonRetryableErrorTypes.Select(Literals.String))} }},");
            }

            writer.Close("},");
            if (options.Detached)
            {
                writer.Line("CancellationToken = global::System.Threading.CancellationToken.None,");
            }

            if (options.WaitsForCancellation)
            {
                writer.Line("CancellationType = global::Temporalio.Workflows.ActivityCancellationType.WaitCancellationCompleted,");
            }

            writer.Close("};");
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private static void WriteResult(SourceWriter writer, SagaModel saga)
        {
            writer.Line($"/// <summary>What the {saga.ClassName} saga produced: each step's result, and the non-critical steps that failed.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} sealed class {saga.ResultClass} : {Runtime}.ISagaResult");
            foreach (var step in saga.AllSteps.Where(static step => step.Method.HasResult))
            {
                var mayBeMissing = saga.ResultMayBeMissing(step);
                var type = mayBeMissing ? Nullable(step.Method.ResultType!) : step.Method.ResultType!;
                var initializer = mayBeMissing ? string.Empty : " = default!;";
                var missing = !step.IsCritical ? ", missing when it failed"
                    : saga.RemovedSteps.Contains(step) ? ", a removed step: set only for executions of an older shape that ran it"
                    : mayBeMissing ? ", missing for executions of a shape that did not run it as a critical step"
                    : string.Empty;
                writer.Line($"/// <summary>Gets or sets the result of step {step.Method.Name}{missing}.</summary>")
                    .Line($"public {type} {step.Method.Identifier} {{ get; set; }}{initializer}")
                    .Line();
            }

            writer.Line("/// <summary>Gets or sets the failures of non-critical steps, in step order.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> NonCriticalFailures {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Line()
                .Line("/// <summary>Gets or sets the critical steps after the pivot an operator told the saga to go on without, with the reasons.</summary>")
                .Line($"public global::System.Collections.Generic.IReadOnlyList<{Runtime}.StepFailure> SkippedSteps {{ get; set; }} = global::System.Array.Empty<{Runtime}.StepFailure>();")
                .Close();
        }

        private const string WorkerList = "global::System.Collections.Generic.IList<global::Temporalio.Worker.TemporalWorkerOptions>";

        private static void WriteWorker(SourceWriter writer, SagaModel saga)
        {
            var queues = TaskQueues(saga);
            var sagaParameter = saga.NeedsInstance ? $", {saga.FullName} saga" : string.Empty;
            var sagaArgument = saga.NeedsInstance ? "saga" : string.Empty;
            writer.Line($"/// <summary>Registers the {saga.ClassName} saga's workflow and activities with Temporal workers.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.ClassName}Worker")
                .Line("/// <summary>Gets the task queues the saga's workflow and activities run on; the first is the workflow's.</summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<string> TaskQueues {{ get; }} = new[] {{ {string.Join(", ", queues.Select(Literals.String))} }};")
                .Line()
                .Line("/// <summary>Creates the options of one worker per task queue, with the limits declared by [SagaTaskQueue].</summary>")
                .Line(saga.NeedsInstance ? "/// <param name=\"saga\">The saga whose steps the activities run.</param>" : "/// <returns>The options, one per task queue.</returns>");
            if (saga.NeedsInstance)
            {
                writer.Line("/// <returns>The options, one per task queue.</returns>");
            }

            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<global::Temporalio.Worker.TemporalWorkerOptions> CreateOptions({sagaParameter.TrimStart(',', ' ')})")
                .Open()
                .Line("return new[]")
                .Open();
            foreach (var queue in queues)
            {
                var settings = LimitsOf(saga, queue);
                var initializer = settings.Count == 0 ? string.Empty : " { " + string.Join(", ", settings) + " }";
                writer.Line($"new global::Temporalio.Worker.TemporalWorkerOptions({Literals.Quote(queue)}){initializer}.Add{saga.ClassName}({sagaArgument}),");
            }

            writer.Close("};").Close().Line();
            writer.Line("/// <summary>")
                .Line("/// Adds the saga to workers shared with other sagas: into the options the list has for each of its")
                .Line("/// task queues, or as new options. One worker serves a queue, running every saga's part on it.")
                .Line("/// </summary>")
                .Line("/// <param name=\"workers\">The workers' options, at most one per task queue.</param>");
            if (saga.NeedsInstance)
            {
                writer.Line("/// <param name=\"saga\">The saga whose steps the activities run.</param>");
            }

            writer.Line("/// <returns>The same list.</returns>")
                .Line($"public static {WorkerList} Add{saga.ClassName}(this {WorkerList} workers{sagaParameter})")
                .Open()
                .Open($"foreach (var options in CreateOptions({sagaArgument}))")
                .Line($"{Runtime}.SagaWorkerOptions.Merge(workers, options);")
                .Close()
                .Line()
                .Line("return workers;")
                .Close()
                .Line();
            writer.Line("/// <summary>")
                .Line("/// Adds what the saga runs on this worker's task queue: the workflow on the saga's own queue, and")
                .Line("/// every step and compensation assigned to the queue.")
                .Line("/// </summary>")
                .Line("/// <param name=\"options\">The worker's options; its task queue must be one of <see cref=\"TaskQueues\"/>.</param>");
            if (saga.NeedsInstance)
            {
                writer.Line("/// <param name=\"saga\">The saga whose steps the activities run.</param>");
            }

            writer.Line("/// <returns>The same options.</returns>")
                .Line($"public static global::Temporalio.Worker.TemporalWorkerOptions Add{saga.ClassName}(this global::Temporalio.Worker.TemporalWorkerOptions options{sagaParameter})")
                .Open()
                .Line($"var activities = new {saga.ActivitiesClass}({sagaArgument});")
                .Open("switch (options.TaskQueue)");
            foreach (var queue in queues)
            {
                writer.Line($"case {Literals.Quote(queue)}:").Indent();
                if (queue == saga.TaskQueue)
                {
                    writer.Line($"options.AddWorkflow<{FullWorkflowName(saga)}>();");
                }

                foreach (var activity in ActivitiesOn(saga, queue))
                {
                    writer.Line($"options.AddActivity(activities.{Identifiers.Escape(activity)});");
                }

                writer.Line("break;").Outdent();
            }

            writer.Line("default:").Indent()
                .Line(RejectUnknownQueue(saga, queues, "options"))
                .Outdent()
                .Close()
                .Line()
                .Line("return options;")
                .Close()
                .Close();
        }

        private static void WriteClient(SourceWriter writer, SagaModel saga)
        {
            var workflow = FullWorkflowName(saga);
            var result = $"{saga.FullName}Result";
            var inputParameter = saga.InputType is null ? string.Empty : $"{saga.InputType} {LocalNames.SagaInput(saga)}, ";
            var inputArgument = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga);
            var inputForward = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga) + ", ";
            var inputDoc = saga.InputType is null ? null : $"/// <param name=\"{LocalNames.SagaInput(saga).TrimStart('@')}\">The saga's input.</param>";
            writer.Line($"/// <summary>Starts and runs the {saga.ClassName} saga through a Temporal client, asks where it stands, and retries or skips what it parked.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.ClassName}Client")
                .Line($"/// <summary>Starts the saga on <see cref=\"{workflow}.TaskQueue\"/> unless the options name another.</summary>")
                .Line("/// <param name=\"client\">The Temporal client.</param>");
            if (inputDoc is not null)
            {
                writer.Line(inputDoc);
            }

            writer.Line("/// <param name=\"workflowId\">The business id of this saga execution, such as the order id.</param>")
                .Line("/// <param name=\"options\">Further start options; see <see cref=\"global::SagaDsl.Runtime.SagaStartOptions.For\"/> for what is replaced and refused.</param>")
                .Line("/// <returns>The handle of the started workflow.</returns>")
                .Line("/// <exception cref=\"global::System.ArgumentException\">The options would run this id twice or end the saga without compensating.</exception>")
                .Line($"public static global::System.Threading.Tasks.Task<global::Temporalio.Client.WorkflowHandle<{workflow}, {result}>> Start{saga.ClassName}Async(")
                .Indent()
                .Line("this global::Temporalio.Client.ITemporalClient client,")
                .Line($"{inputParameter}string workflowId,")
                .Line("global::Temporalio.Client.WorkflowOptions? options = null)")
                .Outdent()
                .Open()
                .Line($"var start = {Runtime}.SagaStartOptions.For({workflow}.WorkflowType, workflowId, {workflow}.TaskQueue, options);");
            if (saga.HasSearchAttributes)
            {
                var forInput = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga) + ", ";
                writer.Line("// Sent with the start as well, so an attribute the namespace lacks fails this call rather than the")
                    .Line("// saga's first workflow task, which the server would retry for ever.")
                    .Line($"start.TypedSearchAttributes = {workflow}.SearchAttributes.ForStart({forInput}start.TypedSearchAttributes);");
            }

            writer.Line($"return client.StartWorkflowAsync(({workflow} workflow) => workflow.RunAsync({inputArgument}), start);")
                .Close()
                .Line()
                .Line("/// <summary>Starts the saga and waits for its result.</summary>")
                .Line("/// <param name=\"client\">The Temporal client.</param>");
            if (inputDoc is not null)
            {
                writer.Line(inputDoc);
            }

            writer.Line("/// <param name=\"workflowId\">The business id of this saga execution, such as the order id.</param>")
                .Line("/// <param name=\"options\">Further start options; see <see cref=\"global::SagaDsl.Runtime.SagaStartOptions.For\"/> for what is replaced and refused.</param>")
                .Line("/// <returns>What the saga produced; a failed saga throws <see cref=\"global::Temporalio.Exceptions.WorkflowFailedException\"/>.</returns>")
                .Line($"public static async global::System.Threading.Tasks.Task<{result}> Execute{saga.ClassName}Async(")
                .Indent()
                .Line("this global::Temporalio.Client.ITemporalClient client,")
                .Line($"{inputParameter}string workflowId,")
                .Line("global::Temporalio.Client.WorkflowOptions? options = null)")
                .Outdent()
                .Open()
                .Line($"var handle = await client.Start{saga.ClassName}Async({inputForward}workflowId, options).ConfigureAwait(false);")
                .Line("return await handle.GetResultAsync().ConfigureAwait(false);")
                .Close()
                .Line();
            WriteOperatorClient(writer, saga, workflow);
            writer.Close();
        }

        private static void WriteOperatorClient(SourceWriter writer, SagaModel saga, string workflow)
        {
            writer.Line("/// <summary>Asks a running saga where it stands.</summary>")
                .Line("/// <param name=\"client\">The Temporal client.</param>")
                .Line("/// <param name=\"workflowId\">The saga execution's business id.</param>")
                .Line("/// <returns>Its phase, current step, what it completed, undid, parked or owes.</returns>")
                .Line($"public static global::System.Threading.Tasks.Task<{Runtime}.SagaStatus> Get{saga.ClassName}StatusAsync(this global::Temporalio.Client.ITemporalClient client, string workflowId) =>")
                .Indent()
                .Line($"client.GetWorkflowHandle<{workflow}>(workflowId).QueryAsync(workflow => workflow.Status);")
                .Outdent()
                .Line()
                .Line("/// <summary>Tells a saga waiting for an operator to run a parked step or compensation again, with its key.</summary>")
                .Line("/// <param name=\"client\">The Temporal client.</param>")
                .Line("/// <param name=\"workflowId\">The saga execution's business id.</param>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("/// <returns>A task that completes once the saga has taken the decision.</returns>")
                .Line($"/// <exception cref=\"global::Temporalio.Exceptions.WorkflowUpdateFailedException\">The saga has not parked <paramref name=\"step\"/>.</exception>")
                .Line($"public static global::System.Threading.Tasks.Task Retry{saga.ClassName}StepAsync(this global::Temporalio.Client.ITemporalClient client, string workflowId, string step) =>")
                .Indent()
                .Line($"client.GetWorkflowHandle<{workflow}>(workflowId).ExecuteUpdateAsync(workflow => workflow.RetryAsync(step));")
                .Outdent()
                .Line()
                .Line("/// <summary>Tells a saga waiting for an operator to go on without a parked step or compensation.</summary>")
                .Line("/// <param name=\"client\">The Temporal client.</param>")
                .Line("/// <param name=\"workflowId\">The saga execution's business id.</param>")
                .Line("/// <param name=\"step\">The parked step, or the step whose compensation is parked.</param>")
                .Line("/// <param name=\"reason\">Why the saga may go on without it; recorded in its status, result or failure, and history.</param>")
                .Line("/// <returns>A task that completes once the saga has taken the decision.</returns>")
                .Line($"/// <exception cref=\"global::Temporalio.Exceptions.WorkflowUpdateFailedException\">The saga has not parked <paramref name=\"step\"/>, needs its result, or no reason was given.</exception>")
                .Line($"public static global::System.Threading.Tasks.Task Skip{saga.ClassName}StepAsync(this global::Temporalio.Client.ITemporalClient client, string workflowId, string step, string reason) =>")
                .Indent()
                .Line($"client.GetWorkflowHandle<{workflow}>(workflowId).ExecuteUpdateAsync(workflow => workflow.SkipAsync(step, reason));")
                .Outdent();
        }

        private static string FullWorkflowName(SagaModel saga) =>
            saga.Namespace.Length == 0 ? "global::" + saga.WorkflowClass : $"global::{saga.Namespace}.{saga.WorkflowClass}";

        /// <summary>The queue an activity runs on: its own, or the workflow's when it names none.</summary>
        private static string QueueOf(SagaModel saga, ActivityOptionsModel options) => options.TaskQueue ?? saga.TaskQueue;

        /// <summary>The saga's queue first, then every other queue in step order.</summary>
        private static List<string> TaskQueues(SagaModel saga)
        {
            var queues = new List<string> { saga.TaskQueue };
            foreach (var step in saga.AllSteps)
            {
                foreach (var options in step.AllCompensations.Select(static compensation => compensation.Options).Prepend(step.Options))
                {
                    if (options?.TaskQueue is { } queue && !queues.Contains(queue))
                    {
                        queues.Add(queue);
                    }
                }
            }

            return queues;
        }

        /// <summary>The worker option assignments that apply a queue's <c>[SagaTaskQueue]</c> limits.</summary>
        private static List<string> LimitsOf(SagaModel saga, string queue)
        {
            var limits = saga.TaskQueues.FirstOrDefault(limit => limit.Name == queue);
            var settings = new List<string>();
            if (limits is { MaxConcurrentActivities: > 0 })
            {
                settings.Add("MaxConcurrentActivities = " + Literals.Int(limits.MaxConcurrentActivities));
            }

            if (limits is { MaxTaskQueueActivitiesPerSecond: > 0 })
            {
                settings.Add("MaxTaskQueueActivitiesPerSecond = " + Literals.Double(limits.MaxTaskQueueActivitiesPerSecond));
            }

            return settings;
        }

        /// <summary>The statement that rejects a task queue the saga runs nothing on, naming the queues it does run on.</summary>
        private static string RejectUnknownQueue(SagaModel saga, IEnumerable<string> queues, string options) =>
            $"throw new global::System.ArgumentException({Literals.String("The " + saga.ClassName + " saga runs nothing on task queue '")} + {options}.TaskQueue + {Literals.String("'; its queues are " + string.Join(", ", queues) + ".")}, nameof({options}));";

        private static IEnumerable<string> ActivitiesOn(SagaModel saga, string queue)
        {
            // A compensation shared by several steps is registered once; a saga has a handful of
            // methods, and a short list needs no hash tables.
            var added = new List<string>();
            foreach (var step in saga.AllSteps)
            {
                if (QueueOf(saga, step.Options) == queue && !added.Contains(step.Method.Name))
                {
                    added.Add(step.Method.Name);
                    yield return step.Method.Name;
                }

                foreach (var compensation in step.AllCompensations)
                {
                    if (QueueOf(saga, compensation.Options) == queue && !added.Contains(compensation.Method.Name))
                    {
                        added.Add(compensation.Method.Name);
                        yield return compensation.Method.Name;
                    }
                }
            }
        }
    }
}

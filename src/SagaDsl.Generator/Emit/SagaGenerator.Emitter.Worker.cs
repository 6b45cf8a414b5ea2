using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private const string WorkerList = "global::System.Collections.Generic.IList<global::Temporalio.Worker.TemporalWorkerOptions>";

        private static void WriteWorker(SourceWriter writer, SagaModel saga)
        {
            var queues = TaskQueues(saga);
            var sagaParameter = saga.NeedsInstance ? $", {saga.FullName} saga" : string.Empty;
            var sagaArgument = saga.NeedsInstance ? "saga" : string.Empty;
            writer.Line($"/// <summary>Registers the {saga.ClassName} saga's workflow and activities with Temporal workers.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.WorkerClass}")
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
                writer.Line($"new global::Temporalio.Worker.TemporalWorkerOptions({Literals.Quote(queue)}){initializer}.{GeneratedNames.AddSaga(saga.ClassName)}({sagaArgument}),");
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
                .Line($"public static {WorkerList} {GeneratedNames.AddSaga(saga.ClassName)}(this {WorkerList} workers{sagaParameter})")
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
                .Line($"public static global::Temporalio.Worker.TemporalWorkerOptions {GeneratedNames.AddSaga(saga.ClassName)}(this global::Temporalio.Worker.TemporalWorkerOptions options{sagaParameter})")
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
    }
}

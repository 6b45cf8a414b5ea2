using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
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

using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        /// <summary>
        /// Writes the saga's structure as data on the workflow, so tools (the testing kit first) read
        /// the same step order, activities and queues the workflow uses instead of re-deriving them.
        /// </summary>
        private static void WriteDefinition(SourceWriter writer, SagaModel saga)
        {
            writer.Line("/// <summary>")
                .Line("/// The saga's structure as this workflow runs it: steps, activities, task queues, compensations")
                .Line("/// and the pivot. SagaDsl.Testing derives the history of every scenario from it.")
                .Line("/// </summary>")
                .Line($"public static {Runtime}.SagaDefinition Definition {{ get; }} = new {Runtime}.SagaDefinition(")
                .Indent()
                .Line($"Name: {Literals.Quote(saga.ClassName)},")
                .Line($"Workflow: typeof({FullWorkflowName(saga)}),")
                .Line("WorkflowType: WorkflowType,")
                .Line("TaskQueue: TaskQueue,")
                .Line($"InputType: {TypeOf(saga.InputRuntimeType)},")
                .Line($"ParallelCompensation: {Literals.Bool(saga.ParallelCompensation)},")
                .Line($"SetsSearchAttributes: {Literals.Bool(saga.HasSearchAttributes)},")
                .Line($"Steps: new {Runtime}.SagaStepDefinition[]")
                .Open();
            foreach (var step in saga.Steps)
            {
                WriteStepDefinition(writer, saga, step);
            }

            var optional = new System.Collections.Generic.List<string>();
            if (saga.DeadlineTicks is { } deadline)
            {
                optional.Add($"Deadline: {Literals.Duration(deadline)}");
            }

            if (saga.PhaseSearchAttribute is { } phase)
            {
                optional.Add($"PhaseSearchAttribute: {Literals.Quote(phase)}");
            }

            writer.Close(optional.Count == 0 ? "});" : "},")
                .Arguments(optional);

            writer.Outdent()
                .Line();
        }

        private static void WriteStepDefinition(SourceWriter writer, SagaModel saga, StepModel step)
        {
            writer.Line($"new {Runtime}.SagaStepDefinition(")
                .Indent()
                .Line($"Name: {Literals.Quote(step.Method.Name)},")
                .Line($"Order: {step.Order},")
                .Line($"Activity: {Literals.Quote(step.ActivityName)},")
                .Line($"TaskQueue: {Literals.Quote(QueueOf(saga, step.Options))},")
                .Line($"ResultType: {TypeOf(step.ResultRuntimeType)},")
                .Line($"IsPivot: {Literals.Bool(step.IsPivot)},")
                .Line($"IsCritical: {Literals.Bool(step.IsCritical)},")
                .Line($"IsAfterPivot: {Literals.Bool(step.IsAfterPivot)},")
                .Line($"MaximumAttempts: {step.Options.MaximumAttempts},");
            if (step.Compensation is { } compensation)
            {
                writer.Line($"Compensation: new {Runtime}.SagaCompensationDefinition(")
                    .Indent()
                    .Line($"Name: {Literals.Quote(compensation.Method.Name)},")
                    .Line($"Activity: {Literals.Quote(compensation.ActivityName)},")
                    .Line($"TaskQueue: {Literals.Quote(QueueOf(saga, compensation.Options))},")
                    .Line($"MaximumAttempts: {compensation.Options.MaximumAttempts},")
                    .Line($"UsesStepResult: {Literals.Bool(compensation.UsesStepResult)})),")
                    .Outdent();
            }
            else
            {
                writer.Line("Compensation: null),");
            }

            writer.Outdent();
        }

        private static string TypeOf(string? runtimeType) => runtimeType is null ? "null" : $"typeof({runtimeType})";
    }
}

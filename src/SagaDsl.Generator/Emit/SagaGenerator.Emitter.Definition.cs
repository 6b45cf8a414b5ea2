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
                .Indent();
            var newest = saga.IsVersioned ? saga.Paths[saga.Paths.Length - 1] : null;
            WriteDefinitionArguments(writer, saga, newest, ";");
            writer.Outdent()
                .Line();
            if (!saga.IsVersioned)
            {
                return;
            }

            writer.Line("/// <summary>")
                .Line("/// Every shape executions of this workflow may still be running, oldest first, as recorded in")
                .Line("/// SagaShapes.Shipped.txt; the last is <see cref=\"Definition\"/>. SagaDsl.Testing replays each")
                .Line("/// shape's scenarios against this workflow to prove a deploy leaves them all able to finish.")
                .Line("/// </summary>")
                .Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}.SagaDefinition> Shapes {{ get; }} = new {Runtime}.SagaDefinition[]")
                .Open();
            for (var index = 0; index < saga.Paths.Length - 1; index++)
            {
                writer.Line($"new {Runtime}.SagaDefinition(")
                    .Indent();
                WriteDefinitionArguments(writer, saga.On(saga.Paths[index]), saga.Paths[index], ",");
                writer.Outdent();
            }

            writer.Line("Definition,")
                .Close("};")
                .Line();
        }

        private static void WriteDefinitionArguments(SourceWriter writer, SagaModel saga, RunPath? path, string end)
        {
            writer.Line($"Name: {Literals.Quote(saga.ClassName)},")
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

            if (path is not null)
            {
                optional.Add($"Shape: {path.Shape}");
            }

            if (path?.Patch is { } patch)
            {
                optional.Add($"Patch: {Literals.Quote(patch)}");
            }

            if (path is { Deprecated: true })
            {
                optional.Add("PatchDeprecated: true");
            }

            writer.Close(optional.Count == 0 ? "})" + end : "},");
            for (var index = 0; index < optional.Count; index++)
            {
                writer.Line(optional[index] + (index == optional.Count - 1 ? ")" + end : ","));
            }
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

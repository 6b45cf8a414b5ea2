using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Emit;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

public sealed partial class SagaGenerator
{
    private static partial class Emitter
    {
        private static void WriteClient(SourceWriter writer, SagaModel saga)
        {
            var workflow = FullWorkflowName(saga);
            var result = saga.Qualified(saga.ResultClass);
            var inputParameter = saga.InputType is null ? string.Empty : $"{saga.InputType} {LocalNames.SagaInput(saga)}, ";
            var inputArgument = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga);
            var inputForward = saga.InputType is null ? string.Empty : LocalNames.SagaInput(saga) + ", ";
            var inputDoc = saga.InputType is null ? null : $"/// <param name=\"{LocalNames.SagaInput(saga).TrimStart('@')}\">The saga's input.</param>";
            writer.Line($"/// <summary>Starts and runs the {saga.ClassName} saga through a Temporal client, asks where it stands, and retries or skips what it parked.</summary>")
                .Line(GeneratedCode)
                .Open($"{saga.Accessibility} static class {saga.ClientClass}")
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
                .Line($"public static global::System.Threading.Tasks.Task<global::Temporalio.Client.WorkflowHandle<{workflow}, {result}>> {GeneratedNames.StartSaga(saga.ClassName)}(")
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
                    .Line($"start.TypedSearchAttributes = {workflow}.{GeneratedNames.SearchAttributesClass}.{GeneratedNames.ForStart}({forInput}start.TypedSearchAttributes);");
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
                .Line($"public static async global::System.Threading.Tasks.Task<{result}> {GeneratedNames.ExecuteSaga(saga.ClassName)}(")
                .Indent()
                .Line("this global::Temporalio.Client.ITemporalClient client,")
                .Line($"{inputParameter}string workflowId,")
                .Line("global::Temporalio.Client.WorkflowOptions? options = null)")
                .Outdent()
                .Open()
                .Line($"var handle = await client.{GeneratedNames.StartSaga(saga.ClassName)}({inputForward}workflowId, options).ConfigureAwait(false);")
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
                .Line($"public static global::System.Threading.Tasks.Task<{Runtime}.SagaStatus> {GeneratedNames.GetStatus(saga.ClassName)}(this global::Temporalio.Client.ITemporalClient client, string workflowId) =>")
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
                .Line($"public static global::System.Threading.Tasks.Task {GeneratedNames.RetryStep(saga.ClassName)}(this global::Temporalio.Client.ITemporalClient client, string workflowId, string step) =>")
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
                .Line($"public static global::System.Threading.Tasks.Task {GeneratedNames.SkipStep(saga.ClassName)}(this global::Temporalio.Client.ITemporalClient client, string workflowId, string step, string reason) =>")
                .Indent()
                .Line($"client.GetWorkflowHandle<{workflow}>(workflowId).ExecuteUpdateAsync(workflow => workflow.SkipAsync(step, reason));")
                .Outdent();
        }
    }
}

using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA027: a step heartbeats without a heartbeat timeout, so the server never notices when the heartbeats stop. A warning: the saga still generates.</summary>
public class SAGA027Tests
{
    private const string Saga = """
        [Saga(StartToCloseTimeout = "00:30:00")] public partial class CopySaga
        {
            [SagaStep(1)] public void Copy(Order order, StepContext context) { for (var i = 0; i < 3; i++) { {|SAGA027:context.Heartbeat(i)|}; } }
            [SagaStep(2, HeartbeatTimeout = "00:00:10")] public void Verify(Order order, StepContext context) => context.Heartbeat();
            [SagaStep(3)] public void Clean(Order order, StepContext context) { System.Action<object?[]> beat = context.Heartbeat; }
            [SagaStep(4), CompensatedBy(nameof(Unpack))] public void Pack(Order order) { }
            public void Unpack(Order order, StepContext undo) => {|SAGA027:undo.Heartbeat("x")|};
        }
        """;

    [Fact]
    public Task A_heartbeat_call_in_a_step_or_compensation_without_a_timeout_but_not_with_one_or_a_method_group()
    {
        return VerifyAsync(Saga);
    }

    [Fact]
    public async Task Is_a_warning_naming_the_timeout_the_server_waits_instead()
    {
        var reported = await DiagnosticsAsync(Saga);

        Assert.All(reported, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        Assert.Contains("the attempt's timeout (00:30:00)", reported[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

using System;
using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>A SAGA0xx message says what to change: the member, the candidates, the method probably meant.</summary>
public class DeclarationMessageTests
{
    [Fact]
    public async Task Messages_name_the_member_and_the_candidates()
    {
        var reported = await DiagnosticsAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public Hold ReserveMore(Order order) => new("h2");
                [SagaStep(3)] public void Ship(Hold hold) { }
            }
            """);

        var message = Assert.Single(reported).GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal("Parameter 'hold' of 'Ship' could bind to 'Reserve', 'ReserveMore'; choose one with [FromStep(nameof(...))] or [SagaInput]", message);
    }

    [Theory]
    [InlineData("[SagaStep(1), CompensatedBy(\"ReleaseHlod\")] public void Reserve(Order order) { } public void ReleaseHold(Order order) { }", "which is not a method of 'OrderSaga'; did you mean 'ReleaseHold'?")]
    [InlineData("[SagaStep(1), CompensatedBy(\"Refund\")] public void Reserve(Order order) { } public void ReleaseHold(Order order) { }", "which is not a method of 'OrderSaga'")]
    [InlineData("[SagaStep(1, Critical = false)] public Hold Reserve(Order order) => new(\"h\"); [SagaStep(2)] public void Pay(Hold hold) { }", "(the saga input is Shop.Order; 'Reserve' returns Shop.Hold but is not critical, so its result may be missing)")]
    [InlineData("[SagaStep(1)] public void Check(Order order) { } [SagaStep(2)] public void Pay(Hold hold) { } [SagaStep(3)] public Hold Reserve(Order order) => new(\"h\");", "(the saga input is Shop.Order; 'Reserve' returns Shop.Hold but does not run before it)")]
    [InlineData("[SagaStep(1)] public Receipt Reserve(Order order) => new(\"r\"); [SagaStep(2)] public void Pay(Hold hold) { }", "(the saga input is Shop.Order; 'Reserve' returns Shop.Receipt)")]
    public async Task Messages_name_the_method_meant_and_what_the_steps_return(string members, string expected)
    {
        var reported = await DiagnosticsAsync("[Saga] public partial class OrderSaga { " + members + " }");

        var message = Assert.Single(reported).GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(expected.Contains("did you mean", StringComparison.Ordinal), message.Contains("did you mean", StringComparison.Ordinal));
    }
}

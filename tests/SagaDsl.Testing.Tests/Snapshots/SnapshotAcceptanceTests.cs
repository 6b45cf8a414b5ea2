using System;
using SagaDsl.Testing.Snapshots;
using Xunit;

namespace SagaDsl.Testing.Tests.Snapshots;

/// <summary>
/// SAGADSL_ACCEPT_SNAPSHOTS is read from the process's environment, so these tests run in a collection
/// of their own that nothing runs beside.
/// </summary>
[Collection(nameof(SnapshotAcceptanceTests))]
[CollectionDefinition(nameof(SnapshotAcceptanceTests), DisableParallelization = true)]
public sealed class SnapshotAcceptanceTests
{
    private const string Saga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Cart(string CartId);

        [Saga(TaskQueue = "checkout")]
        public sealed partial class CheckoutSaga
        {
            [SagaStep(1)]
            public Task ChargeCard(Cart cart) => Task.CompletedTask;
        }
        """;

    [Fact]
    public void Accepting_approves_what_was_received_and_deletes_orphans()
    {
        using var folder = new SnapshotFolder();
        folder.Write("Accept.Test#Shop.RefundSaga.g.verified.cs", "// approved before RefundSaga was deleted\n");
        folder.Write("Accept.Test#Shop.CheckoutSaga.g.received.cs", "// left by an earlier failure\n");

        Accepting(() => Approve(Saga));

        Assert.Equal(new[] { "Accept.Test#Shop.CheckoutSaga.g.verified.cs" }, folder.Files());
        Approve(Saga);
        Assert.Throws<SnapshotMismatchException>(() => Approve(Saga.Replace("checkout", "checkout-eu", StringComparison.Ordinal)));

        void Approve(string saga) =>
            GeneratedSagaCode.FromSources(new[] { saga }).Approve(new SnapshotOptions { Directory = folder.Path, TypeName = "Accept" }, testMethod: "Test");
    }

    private static void Accepting(Action action)
    {
        Environment.SetEnvironmentVariable("SAGADSL_ACCEPT_SNAPSHOTS", "1");
        try
        {
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SAGADSL_ACCEPT_SNAPSHOTS", null);
        }
    }
}

using SagaDsl.Testing.Snapshots;
using Xunit;

namespace OrderSaga.Tests;

/// <summary>
/// The workflow, activities, worker and client SagaDsl writes for OrderSaga, approved. A change of the
/// saga or of SagaDsl that changes them fails here with the diff until it is approved.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void OrderSaga_generated_code_is_approved() =>
        GeneratedSagaCode.FromProject("../OrderSaga").Approve();
}

using SagaDsl;

namespace Synthetic;

public sealed record Order([property: SearchAttribute("OrderId")] string Id, decimal Amount);

public sealed record Hold(string Id);

public sealed record Charge(string Id);

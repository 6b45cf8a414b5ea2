using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator;

internal sealed partial class SagaParser
{
    /// <summary>
    /// Decides where every step and compensation parameter gets its value from: the saga input,
    /// an earlier critical step's result (by type, or named with <c>[FromStep]</c>), the
    /// <c>StepContext</c> or the <c>CancellationToken</c>.
    /// </summary>
    private sealed class Binder
    {
        private const string SagaInputCandidate = "the saga input";
        private static readonly bool[] IdentityThenImplicit = { true, false };

        private readonly SagaParser parser;
        private readonly List<DeclaredStep> steps;
        private readonly HashSet<IParameterSymbol> ambiguousInputs = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<TypePair, Microsoft.CodeAnalysis.CSharp.Conversion> conversions = new();
        private bool bindingRemoved;

        public Binder(SagaParser parser, List<DeclaredStep> steps)
        {
            this.parser = parser;
            this.steps = steps;
            InferInput();
        }

        /// <summary>Gets the saga input's type: the first step parameter no earlier result can fill.</summary>
        public ITypeSymbol? InputType { get; private set; }

        /// <summary>Gets the name the first step gives the saga input, as declared; the emitter picks the name it writes.</summary>
        public string InputName { get; private set; } = "input";

        public EquatableArray<ParameterModel> Bind(IMethodSymbol method, int order, bool inclusive, bool forRemovedStep)
        {
            // Only an older shape's path runs a removed step, so only a removed step may take its result.
            bindingRemoved = forRemovedStep;
            var parameters = new List<ParameterModel>();
            foreach (var parameter in method.Parameters)
            {
                if (Bind(method, parameter, order, inclusive) is { } bound)
                {
                    parameters.Add(bound);
                }
            }

            return parameters.ToEquatableArray();
        }

        /// <summary>
        /// The saga input is the parameter type of the first step that no earlier result can fill
        /// (or the type marked <c>[SagaInput]</c>). A second such type in that step, or a second
        /// <c>[SagaInput]</c> type anywhere, is ambiguous: a workflow takes one input.
        /// </summary>
        private void InferInput()
        {
            IParameterSymbol? chosen = null;
            IMethodSymbol? chosenMethod = null;
            foreach (var step in steps.Where(static step => !step.IsRemoved))
            {
                var candidates = step.Method.Parameters.Where(parameter => IsInputCandidate(parameter, step.Order)).ToList();
                var declared = step.Method.Parameters.Where(parameter => KnownTypes.Find(parameter, parser.known.SagaInput) is not null);
                foreach (var parameter in chosen is null ? candidates : declared)
                {
                    if (chosen is null)
                    {
                        (chosen, chosenMethod) = (parameter, step.Method);
                    }
                    else if (!SameType(chosen.Type, parameter.Type))
                    {
                        ambiguousInputs.Add(parameter);
                        parser.Report(
                            SagaDiagnostics.InputAmbiguous,
                            LocationOf(parameter),
                            parameter.Name,
                            step.Method.Name,
                            parameter.Type.ToDisplayString(),
                            chosenMethod!.Name + "." + chosen.Name,
                            chosen.Type.ToDisplayString());
                    }
                }
            }

            if (chosen is not null)
            {
                InputType = chosen.Type;
                InputName = chosen.Name;
            }
        }

        private bool IsInputCandidate(IParameterSymbol parameter, int order)
        {
            if (IsContext(parameter) || parameter.IsOptional || parameter.IsParams || KnownTypes.Find(parameter, parser.known.FromStep) is not null)
            {
                return false;
            }

            return KnownTypes.Find(parameter, parser.known.SagaInput) is not null || !HasEarlierResult(parameter.Type, order);
        }

        private static bool SameType(ITypeSymbol left, ITypeSymbol right) =>
            SymbolEqualityComparer.Default.Equals(left.WithNullableAnnotation(NullableAnnotation.None), right.WithNullableAnnotation(NullableAnnotation.None));

        private ParameterModel? Bind(IMethodSymbol method, IParameterSymbol parameter, int order, bool inclusive)
        {
            if (ambiguousInputs.Contains(parameter))
            {
                return null;
            }

            var type = parser.TypeName(parameter.Type);
            if (parameter.RefKind != RefKind.None || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                var kind = parameter.RefKind == RefKind.None ? "a pointer" : "passed by " + parameter.RefKind.ToString().ToLowerInvariant();
                Report(SagaDiagnostics.UnsupportedParameter, parameter, method, kind);
                return null;
            }

            if (KnownTypes.Is(parameter.Type, parser.known.StepContext))
            {
                return new ParameterModel(Identifiers.Escape(parameter.Name), type, BindingKind.StepContext, null);
            }

            if (KnownTypes.Is(parameter.Type, parser.known.CancellationToken))
            {
                return new ParameterModel(Identifiers.Escape(parameter.Name), type, BindingKind.CancellationToken, null);
            }

            if (parameter.IsOptional || parameter.IsParams)
            {
                // The workflow passes every argument, so a default never applies; as a second input it
                // would be a saga input the client cannot send.
                Report(SagaDiagnostics.UnsupportedParameter, parameter, method, (parameter.IsParams ? "a params array" : "optional") + ": the saga fills every parameter, so a default never applies; put the value in the saga input or return it from an earlier step");
                return null;
            }

            if (KnownTypes.Find(parameter, parser.known.FromStep) is { } fromStep)
            {
                return BindFromStep(method, parameter, type, fromStep, order, inclusive);
            }

            var inputFits = InputType is not null && Converts(InputType, parameter.Type, identityOnly: false);
            if (KnownTypes.Find(parameter, parser.known.SagaInput) is not null)
            {
                return inputFits ? Input(parameter, type) : Unbound(method, parameter, order, inclusive);
            }

            var bound = BindByType(method, parameter, type, order, inclusive, out var ambiguous);
            if (bound is not null || ambiguous)
            {
                return bound;
            }

            return inputFits ? Input(parameter, type) : Unbound(method, parameter, order, inclusive);
        }

        private ParameterModel? BindByType(IMethodSymbol method, IParameterSymbol parameter, string type, int order, bool inclusive, out bool ambiguous)
        {
            ambiguous = false;
            foreach (var identityOnly in IdentityThenImplicit)
            {
                var candidates = new List<string>();
                if (InputType is not null && Converts(InputType, parameter.Type, identityOnly))
                {
                    candidates.Add(SagaInputCandidate);
                }

                foreach (var step in steps)
                {
                    if (RunsBefore(step, order, inclusive) && ResultConverts(step, parameter.Type, identityOnly))
                    {
                        candidates.Add(step.Method.Name);
                    }
                }

                if (candidates.Count > 1)
                {
                    var names = string.Join(", ", candidates.Select(static name => name == SagaInputCandidate ? name : "'" + name + "'"));
                    Report(SagaDiagnostics.ParameterAmbiguous, parameter, method, names);
                    ambiguous = true;
                    return null;
                }

                if (candidates.Count == 1)
                {
                    return candidates[0] == SagaInputCandidate
                        ? Input(parameter, type)
                        : new ParameterModel(Identifiers.Escape(parameter.Name), type, BindingKind.StepResult, candidates[0]);
                }
            }

            return null;
        }

        private ParameterModel? BindFromStep(IMethodSymbol method, IParameterSymbol parameter, string type, AttributeData fromStep, int order, bool inclusive)
        {
            var name = fromStep.ConstructorArguments is [{ Value: string value }] ? value : string.Empty;
            var source = steps.FirstOrDefault(step => step.Method.Name == name);
            var problem = source switch
            {
                null => "is not a step of the saga",
                { IsRemoved: true } when !bindingRemoved => "is removed from the saga, so new executions never run it",
                _ when source.Order > order || (source.Order == order && !inclusive) => "does not run before it",
                { Result: null } => "returns nothing",
                { IsCritical: false } => "is not critical, so its result may be missing",
                _ when !Converts(source.Result!, parameter.Type, identityOnly: false) => "returns " + source.Result!.ToDisplayString() + ", not " + parameter.Type.ToDisplayString(),
                _ => null,
            };
            if (problem is not null)
            {
                parser.Report(SagaDiagnostics.InvalidFromStep, LocationInfo.From(fromStep.ApplicationSyntaxReference?.GetSyntax()), parameter.Name, method.Name, name, problem);
                return null;
            }

            return new ParameterModel(Identifiers.Escape(parameter.Name), type, BindingKind.StepResult, name);
        }

        private bool HasEarlierResult(ITypeSymbol type, int order)
        {
            foreach (var step in steps)
            {
                if (RunsBefore(step, order, inclusive: false) && ResultConverts(step, type, identityOnly: false))
                {
                    return true;
                }
            }

            return false;
        }

        private bool RunsBefore(DeclaredStep step, int order, bool inclusive) =>
            (step.Order < order || (inclusive && step.Order == order)) && (!step.IsRemoved || bindingRemoved);

        /// <summary>Whether a step's result can fill a parameter of the type: only a critical step's result is sure to exist.</summary>
        private bool ResultConverts(DeclaredStep step, ITypeSymbol type, bool identityOnly) =>
            step.IsCritical && step.Result is { } result && Converts(result, type, identityOnly);

        /// <summary>
        /// Binding asks about the same few type pairs dozens of times per saga, and every answer
        /// Roslyn computes allocates; each pair is classified once.
        /// </summary>
        private bool Converts(ITypeSymbol source, ITypeSymbol destination, bool identityOnly)
        {
            var pair = new TypePair(source, destination);
            if (!conversions.TryGetValue(pair, out var conversion))
            {
                conversion = ((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)parser.known.Compilation).ClassifyConversion(source, destination);
                conversions.Add(pair, conversion);
            }

            return identityOnly ? conversion.IsIdentity : conversion.IsImplicit && !conversion.IsUserDefined;
        }

        private bool IsContext(IParameterSymbol parameter) =>
            KnownTypes.Is(parameter.Type, parser.known.StepContext) || KnownTypes.Is(parameter.Type, parser.known.CancellationToken);

        private static ParameterModel Input(IParameterSymbol parameter, string type) => new(Identifiers.Escape(parameter.Name), type, BindingKind.Input, null);

        private ParameterModel? Unbound(IMethodSymbol method, IParameterSymbol parameter, int order, bool inclusive)
        {
            var input = InputType is null ? "the saga has no input" : "the saga input is " + InputType.ToDisplayString();
            Report(SagaDiagnostics.ParameterUnbound, parameter, method, input + "; " + WhatStepsReturn(parameter.Type, order, inclusive));
            return null;
        }

        /// <summary>
        /// Why no step result fits: the one that would, had it been critical or earlier, or else what
        /// the earlier steps do return, so the message shows the type to change.
        /// </summary>
        private string WhatStepsReturn(ITypeSymbol wanted, int order, bool inclusive)
        {
            var fitting = steps.Where(step => step.Result is { } result && Converts(result, wanted, identityOnly: false)).ToList();
            if (fitting.FirstOrDefault(step => RunsBefore(step, order, inclusive)) is { } optional)
            {
                return "'" + optional.Method.Name + "' returns " + optional.Result!.ToDisplayString() + " but is not critical, so its result may be missing";
            }

            if (fitting.FirstOrDefault() is { } later)
            {
                return "'" + later.Method.Name + "' returns " + later.Result!.ToDisplayString() + " but does not run before it";
            }

            var earlier = steps.Where(step => RunsBefore(step, order, inclusive) && step.Result is not null)
                .Select(static step => "'" + step.Method.Name + "' returns " + step.Result!.ToDisplayString())
                .ToList();
            return earlier.Count == 0 ? "no earlier step returns a value" : string.Join(", ", earlier);
        }

        private void Report(DiagnosticDescriptor descriptor, IParameterSymbol parameter, IMethodSymbol method, string detail) =>
            parser.Report(descriptor, LocationOf(parameter), parameter.Name, method.Name, detail);

        /// <summary>Two types compared in everything that tells types apart (nullability, tuple names, dynamic), so no answer is reused for a type that differs.</summary>
        private readonly struct TypePair : System.IEquatable<TypePair>
        {
            private readonly ITypeSymbol source;
            private readonly ITypeSymbol destination;

            public TypePair(ITypeSymbol source, ITypeSymbol destination)
            {
                this.source = source;
                this.destination = destination;
            }

            public bool Equals(TypePair other) =>
                SymbolEqualityComparer.IncludeNullability.Equals(source, other.source) && SymbolEqualityComparer.IncludeNullability.Equals(destination, other.destination);

            public override bool Equals(object? obj) => obj is TypePair other && Equals(other);

            public override int GetHashCode() =>
                (SymbolEqualityComparer.IncludeNullability.GetHashCode(source) * 31) + SymbolEqualityComparer.IncludeNullability.GetHashCode(destination);
        }
    }
}

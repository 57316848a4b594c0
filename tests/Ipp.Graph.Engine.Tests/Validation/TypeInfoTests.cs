using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Validation;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation;

public class TypeInfoTests
{
    private static readonly NodeKindSet Recorded = NodeKindSet.Of(
        NodeKind.OperationDefinition,
        NodeKind.SelectionSet,
        NodeKind.Field,
        NodeKind.Directive,
        NodeKind.Argument,
        NodeKind.ListValue,
        NodeKind.ObjectField,
        NodeKind.EnumValue,
        NodeKind.VariableDefinition,
        NodeKind.InlineFragment,
        NodeKind.FragmentDefinition,
        NodeKind.Variable,
        NodeKind.IntValue);

    [Fact]
    public void State_at_each_node_matches_graphql_js()
    {
        // Expected: graphql-js's TypeInfo under visitWithTypeInfo, printed the same way, for the same document.
        const string document = """
            query Q($v: [ComplexInput!] = [{requiredField: true}]) {
              dog { isHouseTrained(atOtherHomes: $x) doesKnowCommand(dogCommand: SIT) @include(if: true) unknown { name } }
              catOrDog { __typename ... on Cat { furColor } ...F }
              complicatedArgs { complexArgField(complexArg: {stringListField: ["a"], nonNullField: true, nope: 1}) }
              __type(name: "Dog") { name }
            }
            fragment F on Dog { mother { name } }
            """;
        const string expected = """
            enter OperationDefinition Q | type=QueryRoot parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter VariableDefinition | type=QueryRoot parent=- input=[ComplexInput!] parentInput=- field=- directive=- arg=- default=false enum=-
            enter Variable v | type=QueryRoot parent=- input=[ComplexInput!] parentInput=- field=- directive=- arg=- default=false enum=-
            leave Variable v | type=QueryRoot parent=- input=[ComplexInput!] parentInput=- field=- directive=- arg=- default=false enum=-
            enter ListValue | type=QueryRoot parent=- input=ComplexInput! parentInput=[ComplexInput!] field=- directive=- arg=- default=false enum=-
            enter ObjectField requiredField | type=QueryRoot parent=- input=Boolean! parentInput=ComplexInput! field=- directive=- arg=- default=false enum=-
            leave ObjectField requiredField | type=QueryRoot parent=- input=Boolean! parentInput=ComplexInput! field=- directive=- arg=- default=false enum=-
            leave ListValue | type=QueryRoot parent=- input=ComplexInput! parentInput=[ComplexInput!] field=- directive=- arg=- default=false enum=-
            leave VariableDefinition | type=QueryRoot parent=- input=[ComplexInput!] parentInput=- field=- directive=- arg=- default=false enum=-
            enter SelectionSet | type=QueryRoot parent=QueryRoot input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter Field dog | type=Dog parent=QueryRoot input=- parentInput=- field=dog directive=- arg=- default=false enum=-
            enter SelectionSet | type=Dog parent=Dog input=- parentInput=- field=dog directive=- arg=- default=false enum=-
            enter Field isHouseTrained | type=Boolean parent=Dog input=- parentInput=- field=isHouseTrained directive=- arg=- default=false enum=-
            enter Argument atOtherHomes | type=Boolean parent=Dog input=Boolean parentInput=- field=isHouseTrained directive=- arg=atOtherHomes default=true enum=-
            enter Variable x | type=Boolean parent=Dog input=Boolean parentInput=- field=isHouseTrained directive=- arg=atOtherHomes default=true enum=-
            leave Variable x | type=Boolean parent=Dog input=Boolean parentInput=- field=isHouseTrained directive=- arg=atOtherHomes default=true enum=-
            leave Argument atOtherHomes | type=Boolean parent=Dog input=Boolean parentInput=- field=isHouseTrained directive=- arg=atOtherHomes default=true enum=-
            leave Field isHouseTrained | type=Boolean parent=Dog input=- parentInput=- field=isHouseTrained directive=- arg=- default=false enum=-
            enter Field doesKnowCommand | type=Boolean parent=Dog input=- parentInput=- field=doesKnowCommand directive=- arg=- default=false enum=-
            enter Argument dogCommand | type=Boolean parent=Dog input=DogCommand parentInput=- field=doesKnowCommand directive=- arg=dogCommand default=false enum=-
            enter EnumValue SIT | type=Boolean parent=Dog input=DogCommand parentInput=- field=doesKnowCommand directive=- arg=dogCommand default=false enum=SIT
            leave EnumValue SIT | type=Boolean parent=Dog input=DogCommand parentInput=- field=doesKnowCommand directive=- arg=dogCommand default=false enum=SIT
            leave Argument dogCommand | type=Boolean parent=Dog input=DogCommand parentInput=- field=doesKnowCommand directive=- arg=dogCommand default=false enum=-
            enter Directive include | type=Boolean parent=Dog input=- parentInput=- field=doesKnowCommand directive=include arg=- default=false enum=-
            enter Argument if | type=Boolean parent=Dog input=Boolean! parentInput=- field=doesKnowCommand directive=include arg=if default=false enum=-
            leave Argument if | type=Boolean parent=Dog input=Boolean! parentInput=- field=doesKnowCommand directive=include arg=if default=false enum=-
            leave Directive include | type=Boolean parent=Dog input=- parentInput=- field=doesKnowCommand directive=include arg=- default=false enum=-
            leave Field doesKnowCommand | type=Boolean parent=Dog input=- parentInput=- field=doesKnowCommand directive=- arg=- default=false enum=-
            enter Field unknown | type=- parent=Dog input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter SelectionSet | type=- parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter Field name | type=- parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave Field name | type=- parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave SelectionSet | type=- parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave Field unknown | type=- parent=Dog input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave SelectionSet | type=Dog parent=Dog input=- parentInput=- field=dog directive=- arg=- default=false enum=-
            leave Field dog | type=Dog parent=QueryRoot input=- parentInput=- field=dog directive=- arg=- default=false enum=-
            enter Field catOrDog | type=CatOrDog parent=QueryRoot input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            enter SelectionSet | type=CatOrDog parent=CatOrDog input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            enter Field __typename | type=String! parent=CatOrDog input=- parentInput=- field=__typename directive=- arg=- default=false enum=-
            leave Field __typename | type=String! parent=CatOrDog input=- parentInput=- field=__typename directive=- arg=- default=false enum=-
            enter InlineFragment | type=Cat parent=CatOrDog input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            enter SelectionSet | type=Cat parent=Cat input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            enter Field furColor | type=FurColor parent=Cat input=- parentInput=- field=furColor directive=- arg=- default=false enum=-
            leave Field furColor | type=FurColor parent=Cat input=- parentInput=- field=furColor directive=- arg=- default=false enum=-
            leave SelectionSet | type=Cat parent=Cat input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            leave InlineFragment | type=Cat parent=CatOrDog input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            leave SelectionSet | type=CatOrDog parent=CatOrDog input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            leave Field catOrDog | type=CatOrDog parent=QueryRoot input=- parentInput=- field=catOrDog directive=- arg=- default=false enum=-
            enter Field complicatedArgs | type=ComplicatedArgs parent=QueryRoot input=- parentInput=- field=complicatedArgs directive=- arg=- default=false enum=-
            enter SelectionSet | type=ComplicatedArgs parent=ComplicatedArgs input=- parentInput=- field=complicatedArgs directive=- arg=- default=false enum=-
            enter Field complexArgField | type=String parent=ComplicatedArgs input=- parentInput=- field=complexArgField directive=- arg=- default=false enum=-
            enter Argument complexArg | type=String parent=ComplicatedArgs input=ComplexInput parentInput=- field=complexArgField directive=- arg=complexArg default=false enum=-
            enter ObjectField stringListField | type=String parent=ComplicatedArgs input=[String] parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            enter ListValue | type=String parent=ComplicatedArgs input=String parentInput=[String] field=complexArgField directive=- arg=complexArg default=false enum=-
            leave ListValue | type=String parent=ComplicatedArgs input=String parentInput=[String] field=complexArgField directive=- arg=complexArg default=false enum=-
            leave ObjectField stringListField | type=String parent=ComplicatedArgs input=[String] parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            enter ObjectField nonNullField | type=String parent=ComplicatedArgs input=Boolean! parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=true enum=-
            leave ObjectField nonNullField | type=String parent=ComplicatedArgs input=Boolean! parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=true enum=-
            enter ObjectField nope | type=String parent=ComplicatedArgs input=- parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            enter IntValue 1 | type=String parent=ComplicatedArgs input=- parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            leave IntValue 1 | type=String parent=ComplicatedArgs input=- parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            leave ObjectField nope | type=String parent=ComplicatedArgs input=- parentInput=ComplexInput field=complexArgField directive=- arg=complexArg default=false enum=-
            leave Argument complexArg | type=String parent=ComplicatedArgs input=ComplexInput parentInput=- field=complexArgField directive=- arg=complexArg default=false enum=-
            leave Field complexArgField | type=String parent=ComplicatedArgs input=- parentInput=- field=complexArgField directive=- arg=- default=false enum=-
            leave SelectionSet | type=ComplicatedArgs parent=ComplicatedArgs input=- parentInput=- field=complicatedArgs directive=- arg=- default=false enum=-
            leave Field complicatedArgs | type=ComplicatedArgs parent=QueryRoot input=- parentInput=- field=complicatedArgs directive=- arg=- default=false enum=-
            enter Field __type | type=__Type parent=QueryRoot input=- parentInput=- field=__type directive=- arg=- default=false enum=-
            enter Argument name | type=__Type parent=QueryRoot input=String! parentInput=- field=__type directive=- arg=name default=false enum=-
            leave Argument name | type=__Type parent=QueryRoot input=String! parentInput=- field=__type directive=- arg=name default=false enum=-
            enter SelectionSet | type=__Type parent=__Type input=- parentInput=- field=__type directive=- arg=- default=false enum=-
            enter Field name | type=String parent=__Type input=- parentInput=- field=name directive=- arg=- default=false enum=-
            leave Field name | type=String parent=__Type input=- parentInput=- field=name directive=- arg=- default=false enum=-
            leave SelectionSet | type=__Type parent=__Type input=- parentInput=- field=__type directive=- arg=- default=false enum=-
            leave Field __type | type=__Type parent=QueryRoot input=- parentInput=- field=__type directive=- arg=- default=false enum=-
            leave SelectionSet | type=QueryRoot parent=QueryRoot input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave OperationDefinition Q | type=QueryRoot parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter FragmentDefinition F | type=Dog parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter SelectionSet | type=Dog parent=Dog input=- parentInput=- field=- directive=- arg=- default=false enum=-
            enter Field mother | type=Dog parent=Dog input=- parentInput=- field=mother directive=- arg=- default=false enum=-
            enter SelectionSet | type=Dog parent=Dog input=- parentInput=- field=mother directive=- arg=- default=false enum=-
            enter Field name | type=String parent=Dog input=- parentInput=- field=name directive=- arg=- default=false enum=-
            leave Field name | type=String parent=Dog input=- parentInput=- field=name directive=- arg=- default=false enum=-
            leave SelectionSet | type=Dog parent=Dog input=- parentInput=- field=mother directive=- arg=- default=false enum=-
            leave Field mother | type=Dog parent=Dog input=- parentInput=- field=mother directive=- arg=- default=false enum=-
            leave SelectionSet | type=Dog parent=Dog input=- parentInput=- field=- directive=- arg=- default=false enum=-
            leave FragmentDefinition F | type=Dog parent=- input=- parentInput=- field=- directive=- arg=- default=false enum=-
            """;
        var recorder = new List<string>();
        var errors = Validator.Validate(Schema, Parser.Parse(document), [context => new Recorder(context, recorder)]);
        Assert.Empty(errors);
        Assert.Equal(expected.Split('\n'), recorder);
    }

    [Fact]
    public void Meta_fields_are_known_only_where_the_spec_allows_them()
    {
        var recorder = new List<string>();
        Validator.Validate(
            Schema,
            Parser.Parse("{ __typename __schema { queryType { name } } dog { __typename __type(name: \"x\") { name } } }"),
            [context => new Recorder(context, recorder)]);
        var fields = recorder.Where(line => line.StartsWith("enter Field", StringComparison.Ordinal)).Select(line => line[..line.IndexOf(" parent=", StringComparison.Ordinal)]);
        Assert.Equal(
            [
                "enter Field __typename | type=String!",
                "enter Field __schema | type=__Schema!",
                "enter Field queryType | type=__Type!",
                "enter Field name | type=String",
                "enter Field dog | type=Dog",
                "enter Field __typename | type=String!",
                "enter Field __type | type=-",
                "enter Field name | type=-",
            ],
            fields);
    }

    /// <summary>Prints the TypeInfo state on entering and leaving each recorded node, as the graphql-js script does.</summary>
    private sealed class Recorder(ValidationContext context, List<string> lines) : ValidationRule(Recorded, Recorded)
    {
        public override void Enter(Node node) => lines.Add(Line("enter", node));

        public override void Leave(Node node) => lines.Add(Line("leave", node));

        private string Line(string phase, Node node)
        {
            var name = node switch
            {
                OperationDefinitionNode operation => operation.Name?.Value,
                FieldNode field => field.Name.Value,
                DirectiveNode directive => directive.Name.Value,
                ArgumentNode argument => argument.Name.Value,
                ObjectFieldNode objectField => objectField.Name.Value,
                EnumValueNode enumValue => enumValue.Value,
                FragmentDefinitionNode fragment => fragment.Name.Value,
                VariableNode variable => variable.Name.Value,
                IntValueNode integer => integer.Value,
                _ => null,
            };
            var typeInfo = context.TypeInfo;
            return $"{phase} {node.Kind} {name}".TrimEnd()
                + $" | type={Show(typeInfo.Type)} parent={Show(typeInfo.ParentType)} input={Show(typeInfo.InputType)}"
                + $" parentInput={Show(typeInfo.ParentInputType)} field={Show(typeInfo.FieldDefinition?.Name)}"
                + $" directive={Show(typeInfo.Directive?.Name)} arg={Show(typeInfo.Argument?.Name)}"
                + $" default={(typeInfo.HasDefaultValue ? "true" : "false")} enum={Show(typeInfo.EnumValue?.Name)}";
        }

        private static string Show(object? value) => value?.ToString() ?? "-";
    }
}

using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>EnumType's Serialize, ParseValue and ParseLiteral with graphql-js's messages.</summary>
public class EnumTypeCoercionTests
{
    private static EnumType Colour()
    {
        var type = new EnumType("Colour");
        type.SetValues([new EnumValueDefinition("RED", "RED"), new EnumValueDefinition("GREEN", "GREEN"), new EnumValueDefinition("BLUE", "BLUE")]);
        return type;
    }

    private static EnumType Bound()
    {
        var type = new EnumType("Console") { ClrType = typeof(ConsoleColor) };
        type.SetValues([new EnumValueDefinition("DARK_RED", ConsoleColor.DarkRed), new EnumValueDefinition("BLUE", ConsoleColor.Blue)]);
        return type;
    }

    [Fact]
    public void Serialize_names_the_value()
    {
        Assert.Equal("GREEN", Colour().Serialize("GREEN"));
        Assert.Equal("DARK_RED", Bound().Serialize(ConsoleColor.DarkRed));
        Assert.Equal("DARK_RED", Bound().Serialize("DARK_RED"));
        Assert.Equal("Enum \"Colour\" cannot represent value: \"PINK\"", Assert.Throws<GraphQLError>(() => Colour().Serialize("PINK")).Message);
        Assert.Equal(
            "Enum \"Console\" cannot represent value: ConsoleColor.Green",
            Assert.Throws<GraphQLError>(() => Bound().Serialize(ConsoleColor.Green)).Message);
    }

    [Fact]
    public void ParseValue_reads_names()
    {
        Assert.Equal(ConsoleColor.Blue, Bound().ParseValue("BLUE"));
        Assert.Equal("RED", Colour().ParseValue(Json.Parse("\"RED\"")));
        Assert.Equal(
            "Value \"GREN\" does not exist in \"Colour\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue("GREN")).Message);
        Assert.Equal(
            "Value \"GREN\" does not exist in \"Colour\" enum.",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue("GREN", hideSuggestions: true)).Message);
        Assert.Equal(
            "Enum \"Colour\" cannot represent non-string value: 1.",
            Assert.Throws<GraphQLError>(() => Colour().ParseValue(1)).Message);
    }

    [Fact]
    public void ParseLiteral_reads_enum_literals()
    {
        Assert.Equal(ConsoleColor.DarkRed, Bound().ParseLiteral(new EnumValueNode { Value = "DARK_RED" }));
        var error = Assert.Throws<GraphQLError>(() => Colour().ParseLiteral(Parser.ParseValue("BLU")));
        Assert.Equal("Value \"BLU\" does not exist in \"Colour\" enum. Did you mean the enum value \"BLUE\"?", error.Message);
        Assert.Equal([new SourceLocation(1, 1)], error.Locations!);
    }
}

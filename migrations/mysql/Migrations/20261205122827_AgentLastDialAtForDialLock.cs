using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class AgentLastDialAtForDialLock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastDialAt",
                table: "agents",
                type: "datetime(6)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastDialAt",
                table: "agents");
        }
    }
}

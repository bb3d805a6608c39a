// vexil completions bash|zsh|fish, and vexil man: shell completions and the manual page, made from
// the same CLI11 definition that parses the command line, so they cannot drift from it.
#include "cli/commands.h"
#include "vexil/version.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace vexil::cli {
namespace {

/// One option as the generators need it.
struct OptionInfo {
    std::vector<std::string> names; ///< "--width", "-o"
    std::string help;
    std::string value; ///< what its value is called ("SIZE"), or "" for a flag
    std::vector<std::string> choices;
};

struct CommandInfo {
    std::string name, help;
    std::vector<OptionInfo> options;
    std::vector<std::string> positionals; ///< their names, in order
};

/// The choices CLI11 shows in a type name such as "TEXT:{text,json}".
std::vector<std::string> choices_of(const std::string& type_name) {
    std::vector<std::string> choices;
    const auto open = type_name.find('{'), close = type_name.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) return choices;
    std::stringstream list(type_name.substr(open + 1, close - open - 1));
    for (std::string choice; std::getline(list, choice, ',');)
        choices.push_back(choice);
    return choices;
}

std::vector<OptionInfo> options_of(const CLI::App& app, std::vector<std::string>* positionals) {
    std::vector<OptionInfo> options;
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_positional()) {
            if (positionals) positionals->push_back(option->get_name(true, false));
            continue;
        }
        OptionInfo info;
        for (const std::string& name : option->get_snames())
            info.names.push_back("-" + name);
        for (const std::string& name : option->get_lnames())
            info.names.push_back("--" + name);
        if (info.names.empty()) continue;
        info.help = option->get_description();
        if (option->get_items_expected_max() > 0) {
            const std::string type = option->get_type_name();
            info.value = type.substr(0, type.find(':'));
            if (info.value.empty()) info.value = "VALUE";
            info.choices = choices_of(type);
        }
        options.push_back(std::move(info));
    }
    return options;
}

std::vector<CommandInfo> commands_of(const CLI::App& app) {
    std::vector<CommandInfo> commands;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        CommandInfo info{sub->get_name(), sub->get_description(), {}, {}};
        info.options = options_of(*sub, &info.positionals);
        commands.push_back(std::move(info));
    }
    return commands;
}

std::string joined(const std::vector<std::string>& words, const char* between = " ") {
    std::string out;
    for (const std::string& word : words)
        out += (out.empty() ? "" : between) + word;
    return out;
}

/// `words` with repeats removed, first places kept (a command's --help and the app's are one).
std::vector<std::string> once_each(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& word : words)
        if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
    return out;
}

/// `text` in single quotes for a POSIX shell.
std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string bash_script(const CLI::App& app) {
    const auto commands = commands_of(app);
    const auto global = options_of(app, nullptr);
    std::ostringstream out;
    out << "# bash completion for vexil " << kVersion << " (made by `vexil completions bash`)\n"
        << "_vexil() {\n"
        << "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" command=\"\" i\n"
        << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "        case \"${COMP_WORDS[i]}\" in\n";
    std::vector<std::string> names;
    for (const auto& command : commands)
        names.push_back(command.name);
    out << "            " << joined(names, "|") << ") command=\"${COMP_WORDS[i]}\"; break ;;\n"
        << "        esac\n    done\n";
    // Values first: the word after an option that takes one.
    out << "    case \"$prev\" in\n";
    std::vector<std::string> done; // an option several commands share (--format) is one case
    const auto values = [&](const std::vector<OptionInfo>& options) {
        for (const auto& option : options)
            if (!option.choices.empty() &&
                std::find(done.begin(), done.end(), joined(option.names)) == done.end()) {
                done.push_back(joined(option.names));
                out << "        " << joined(option.names, "|") << ") COMPREPLY=($(compgen -W "
                    << shell_quoted(joined(option.choices)) << " -- \"$cur\")); return ;;\n";
            }
    };
    values(global);
    for (const auto& command : commands)
        values(command.options);
    out << "    esac\n    local words\n    case \"$command\" in\n";
    std::vector<std::string> top = names;
    for (const auto& option : global)
        top.insert(top.end(), option.names.begin(), option.names.end());
    out << "        \"\") words=" << shell_quoted(joined(once_each(top))) << " ;;\n";
    for (const auto& command : commands) {
        std::vector<std::string> words;
        for (const auto& option : command.options)
            words.insert(words.end(), option.names.begin(), option.names.end());
        for (const auto& option : global)
            words.insert(words.end(), option.names.begin(), option.names.end());
        out << "        " << command.name << ") words=" << shell_quoted(joined(once_each(words))) << " ;;\n";
    }
    out << "    esac\n"
        << "    if [[ -z \"$command\" || \"$cur\" == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
        << "    else\n"
        << "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        << "    fi\n"
        << "}\n"
        << "complete -o filenames -o bashdefault -F _vexil vexil\n";
    return out.str();
}

/// `text` for a zsh _arguments description, inside single quotes: no quotes, brackets or colons.
std::string zsh_text(std::string text) {
    for (char& c : text)
        if (c == '\'' || c == '[' || c == ']' || c == ':') c = c == ':' ? ',' : ' ';
    return text;
}

std::string zsh_option(const OptionInfo& option) {
    std::string spec;
    const std::string help = "[" + zsh_text(option.help) + "]";
    const std::string value = option.value.empty() ? ""
                              : option.choices.empty()
                                  ? ":" + zsh_text(option.value) + ":_files"
                                  : ":" + zsh_text(option.value) + ":(" + joined(option.choices) + ")";
    if (option.names.size() == 1) return "'" + option.names.front() + help + value + "'";
    return "'(" + joined(option.names) + ")'{" + joined(option.names, ",") + "}'" + help + value + "'";
}

std::string zsh_script(const CLI::App& app) {
    const auto commands = commands_of(app);
    std::ostringstream out;
    out << "#compdef vexil\n# zsh completion for vexil " << kVersion << " (made by `vexil completions zsh`)\n"
        << "_vexil() {\n    local line state\n    _arguments -C \\\n";
    for (const auto& option : options_of(app, nullptr))
        out << "        " << zsh_option(option) << " \\\n";
    out << "        '1: :->command' \\\n        '*:: :->arguments'\n"
        << "    case $state in\n    command)\n        local -a commands\n        commands=(\n";
    for (const auto& command : commands)
        out << "            '" << command.name << ":" << zsh_text(command.help) << "'\n";
    out << "        )\n        _describe 'command' commands ;;\n    arguments)\n        case $line[1] in\n";
    for (const auto& command : commands) {
        out << "        " << command.name << ")\n            _arguments \\\n";
        for (const auto& option : command.options)
            out << "                " << zsh_option(option) << " \\\n";
        out << "                '*:file:_files' ;;\n";
    }
    out << "        esac ;;\n    esac\n}\n_vexil \"$@\"\n";
    return out.str();
}

std::string fish_script(const CLI::App& app) {
    const auto commands = commands_of(app);
    std::vector<std::string> names;
    for (const auto& command : commands)
        names.push_back(command.name);
    std::ostringstream out;
    out << "# fish completion for vexil " << kVersion << " (made by `vexil completions fish`)\n"
        << "complete -c vexil -f\n";
    const auto option_line = [&](const std::string& condition, const OptionInfo& option) {
        out << "complete -c vexil -n " << shell_quoted(condition);
        for (const std::string& name : option.names)
            out << (name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1));
        if (!option.value.empty())
            out << (option.choices.empty() ? " -r -F" : " -x -a " + shell_quoted(joined(option.choices)));
        out << " -d " << shell_quoted(option.help) << "\n";
    };
    for (const auto& option : options_of(app, nullptr))
        option_line("true", option);
    for (const auto& command : commands)
        out << "complete -c vexil -n " << shell_quoted("not __fish_seen_subcommand_from " + joined(names))
            << " -a " << command.name << " -d " << shell_quoted(command.help) << "\n";
    for (const auto& command : commands) {
        const std::string condition = "__fish_seen_subcommand_from " + command.name;
        out << "complete -c vexil -n " << shell_quoted(condition) << " -F\n";
        for (const auto& option : command.options)
            option_line(condition, option);
    }
    return out.str();
}

/// `text` for roff: backslashes and hyphens escaped, characters past ASCII as \[uXXXX] (groff reads
/// its input as Latin-1 unless told), and a line may not start with a control character.
std::string roff(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            const int length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
            std::uint32_t code = byte & (0x7f >> length);
            for (int k = 1; k < length && i + 1 < text.size(); ++k)
                code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3f);
            char hex[16];
            std::snprintf(hex, sizeof hex, "\\[u%04X]", static_cast<unsigned>(code));
            out += hex;
        } else if (text[i] == '\\') {
            out += "\\e";
        } else if (text[i] == '-') {
            out += "\\-";
        } else {
            out += text[i];
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

void roff_options(std::ostringstream& out, const std::vector<OptionInfo>& options) {
    for (const auto& option : options) {
        out << ".TP\n";
        std::string names;
        for (const std::string& name : option.names)
            names += (names.empty() ? "" : ", ") + std::string("\\fB") + roff(name) + "\\fR";
        out << names << (option.value.empty() ? "" : " \\fI" + roff(option.value) + "\\fR") << "\n"
            << roff(option.help) << "\n";
    }
}

std::string man_page(const CLI::App& app) {
    std::ostringstream out;
    // No date: the page is made at build time and should be the same bytes on every machine.
    out << ".TH VEXIL 1 \"\" \"vexil " << kVersion << "\" \"User Commands\"\n"
        << ".SH NAME\nvexil \\- " << roff(app.get_description().substr(app.get_description().find("— ") + 4))
        << "\n.SH SYNOPSIS\n.B vexil\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n"
        << ".SH DESCRIPTION\nvexil reads a flag or emblem written as a TOML design (fields, bands, crosses, "
           "stars, crescents, rings woven over and under, imported SVG emblems, lettering) and renders it "
           "to SVG, PNG and PDF, with print PDFs at actual size and construction sheets. The design format "
           "is described in docs/format.md.\n"
        << ".SH OPTIONS\nThese may come before or after the command.\n";
    roff_options(out, options_of(app, nullptr));
    out << ".SH COMMANDS\n";
    for (const auto& command : commands_of(app)) {
        out << ".SS \"vexil " << command.name;
        for (const auto& positional : command.positionals)
            out << " " << positional;
        out << "\"\n" << roff(command.help) << "\n";
        roff_options(out, command.options);
    }
    out << ".SH \"EXIT STATUS\"\n.TP\n0\nsuccess\n.TP\n1\na file could not be read or written, or another "
           "failure of the machine\n.TP\n2\na bad design or bad usage\n"
        << ".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR\nwhen set and not empty, diagnostics are not coloured "
           "(unless \\fB\\-\\-color always\\fR)\n.TP\n\\fBSOURCE_DATE_EPOCH\\fR\nthe time written into PDF "
           "files, for reproducible bytes\n"
        << ".SH EXAMPLES\n.nf\nvexil render designs/earth.toml \\-o earth.png \\-\\-width 1500\n"
           "cat designs/japan.toml | vexil render \\- \\-o \\- \\-\\-format png > japan.png\n"
           "vexil check designs/*.toml \\-\\-diagnostics json\n.fi\n"
        << ".SH \"SEE ALSO\"\n\\fBrsvg\\-convert\\fR(1)\n";
    return out.str();
}

} // namespace

Run add_completions(CLI::App& app) {
    auto shell = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "completions", "print a completion script for bash, zsh or fish (see docs/cli.md)");
    command->add_option("shell", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    return [&app, shell] {
        std::cout << (*shell == "bash"  ? bash_script(app)
                      : *shell == "zsh" ? zsh_script(app)
                                        : fish_script(app));
        return 0;
    };
}

Run add_man(CLI::App& app) {
    app.add_subcommand("man", "print vexil's manual page (roff; `vexil man | man -l -`)");
    return [&app] {
        std::cout << man_page(app);
        return 0;
    };
}

} // namespace vexil::cli

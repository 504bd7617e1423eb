<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>--version takes no arguments.</source>
        <translation>--version nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;.</source>
        <translation>unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>Usage: %1 --version | --help</source>
        <translation>Aufruf: %1 --version | --help</translation>
    </message>
    <message>
        <source>Command-line client of %1, instant messaging over SIP MESSAGE.</source>
        <translation>Kommandozeilen-Client von %1, Sofortnachrichten über SIP MESSAGE.</translation>
    </message>
    <message>
        <source>This version has no commands yet.</source>
        <translation>Diese Version hat noch keine Befehle.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>Diese Hilfe ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Exit status: 0 on success, 2 on a usage error.</source>
        <translation>Rückgabewert: 0 bei Erfolg, 2 bei falschem Aufruf.</translation>
    </message>
    <message>
        <source>Run &quot;%1 --help&quot; for usage.</source>
        <translation>„%1 --help“ zeigt, wie der Aufruf lautet.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No profile directory was given.</source>
        <translation>Es wurde kein Profilverzeichnis angegeben.</translation>
    </message>
    <message>
        <source>The profile path %1 exists but is not a directory.</source>
        <translation>Der Profilpfad %1 existiert, ist aber kein Verzeichnis.</translation>
    </message>
    <message>
        <source>Could not create the profile directory %1.</source>
        <translation>Das Profilverzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The profile directory %1 is not writable.</source>
        <translation>In das Profilverzeichnis %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Instant messaging over SIP MESSAGE.</source>
        <translation>Sofortnachrichten über SIP MESSAGE.</translation>
    </message>
    <message>
        <source>Keep all data in directory &lt;dir&gt; (default: $TIDINGS_PROFILE, else %1).</source>
        <translation>Alle Daten im Verzeichnis &lt;Verzeichnis&gt; ablegen (Vorgabe: $TIDINGS_PROFILE, sonst %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
</context>
<context>
    <name>tidings::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Application id: %1</source>
        <translation>Anwendungskennung: %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2</translation>
    </message>
    <message>
        <source>Instant messaging over SIP MESSAGE (RFC 3428).</source>
        <translation>Sofortnachrichten über SIP MESSAGE (RFC 3428).</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>Lizenziert unter der GNU General Public License, Version 3 oder neuer.</translation>
    </message>
</context>
<context>
    <name>tidings::ContactPane</name>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Adding accounts is not available in this version.</source>
        <translation>Konten lassen sich in dieser Version noch nicht hinzufügen.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
</context>
<context>
    <name>tidings::ConversationPane</name>
    <message>
        <source>No conversation selected</source>
        <translation>Keine Unterhaltung ausgewählt</translation>
    </message>
</context>
<context>
    <name>tidings::MainWindow</name>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Ü&amp;ber %1</translation>
    </message>
</context>
</TS>

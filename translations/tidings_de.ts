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
        <source>Run &quot;%1 --help&quot; for usage.</source>
        <translation>„%1 --help“ zeigt, wie der Aufruf lautet.</translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options] | --version | --help</source>
        <translation>Aufruf: %1 &lt;Befehl&gt; [Optionen] | --version | --help</translation>
    </message>
    <message>
        <source>Command-line client of %1, instant messaging over SIP MESSAGE (RFC 3428).</source>
        <translation>Befehlszeilen-Client von %1, Sofortnachrichten über SIP MESSAGE (RFC 3428).</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Receive messages for URI and print each as a JSON line, until</source>
        <translation>Empfängt Nachrichten für URI und gibt jede als JSON-Zeile aus, bis</translation>
    </message>
    <message>
        <source>SIGINT/SIGTERM. T is udp, tcp or tls; IPv6 as udp:[::1]:5080;</source>
        <translation>SIGINT/SIGTERM eintrifft. T ist udp, tcp oder tls; IPv6 als udp:[::1]:5080;</translation>
    </message>
    <message>
        <source>port 0 picks a free port (udp and tcp binds given the same port</source>
        <translation>Port 0 wählt einen freien Port (udp- und tcp-Bindungen mit gleichem Port</translation>
    </message>
    <message>
        <source>share it). A tls bind without --tls-cert/--tls-key only connects out.</source>
        <translation>teilen ihn sich). Ohne --tls-cert/--tls-key verbindet tls nur nach außen.</translation>
    </message>
    <message>
        <source>Prints {&quot;event&quot;:&quot;listening&quot;,...} with the actual ports, then</source>
        <translation>Gibt {&quot;event&quot;:&quot;listening&quot;,...} mit den tatsächlichen Ports aus, dann</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;message&quot;,&quot;from&quot;:...,&quot;body&quot;:...} per message.</source>
        <translation>{&quot;event&quot;:&quot;message&quot;,&quot;from&quot;:...,&quot;body&quot;:...} je Nachricht.</translation>
    </message>
    <message>
        <source>--register registers URI at --registrar (default: the domain of</source>
        <translation>--register registriert URI beim --registrar (Vorgabe: die Domain von</translation>
    </message>
    <message>
        <source>URI, as RFC 3261 10.2 says) through --proxy if given, answering</source>
        <translation>URI, gemäß RFC 3261 10.2), über --proxy, falls angegeben, und beantwortet</translation>
    </message>
    <message>
        <source>digest challenges as --auth-user (default: the user of URI) with</source>
        <translation>Digest-Challenges als --auth-user (Vorgabe: der Benutzerteil von URI) mit</translation>
    </message>
    <message>
        <source>the password in the environment variable VAR. It prints</source>
        <translation>dem Passwort aus der Umgebungsvariablen VAR. Ausgegeben wird</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;registered&quot;,&quot;aor&quot;:...,&quot;expires&quot;:N} on each</source>
        <translation>{&quot;event&quot;:&quot;registered&quot;,&quot;aor&quot;:...,&quot;expires&quot;:N} bei jeder</translation>
    </message>
    <message>
        <source>registration and refresh, {&quot;event&quot;:&quot;registration_failed&quot;,</source>
        <translation>Registrierung und Erneuerung, {&quot;event&quot;:&quot;registration_failed&quot;,</translation>
    </message>
    <message>
        <source>&quot;status&quot;:N,&quot;reason&quot;:...} (or &quot;error&quot; when no response came)</source>
        <translation>&quot;status&quot;:N,&quot;reason&quot;:...} (oder &quot;error&quot;, wenn keine Antwort kam)</translation>
    </message>
    <message>
        <source>and tries again after &quot;retry_in&quot; seconds. SIGINT/SIGTERM</source>
        <translation>bei einem Fehlschlag, mit neuem Versuch nach &quot;retry_in&quot; Sekunden.</translation>
    </message>
    <message>
        <source>unregisters (waiting at most 5 s), prints {&quot;event&quot;:&quot;unregistered&quot;}</source>
        <translation>SIGINT/SIGTERM hebt die Registrierung auf (wartet höchstens 5 s), gibt</translation>
    </message>
    <message>
        <source>and exits 0; a second signal exits at once with 128 + the signal</source>
        <translation>{&quot;event&quot;:&quot;unregistered&quot;} aus und endet mit 0; ein zweites Signal</translation>
    </message>
    <message>
        <source>number (130 for SIGINT, 143 for SIGTERM). --keepalive: seconds</source>
        <translation>beendet sofort mit 128 + Signalnummer (130 bei SIGINT, 143 bei SIGTERM).</translation>
    </message>
    <message>
        <source>between keep-alives of the registration&apos;s flow (RFC 5626 4.4.1);</source>
        <translation>--keepalive: Sekunden zwischen Keep-Alives (RFC 5626 4.4.1) im Flow der</translation>
    </message>
    <message>
        <source>0 turns them off; default 25 s over UDP, 120 s over TCP/TLS.</source>
        <translation>Registrierung; 0 schaltet sie ab; Vorgabe 25 s bei UDP, 120 s bei TCP/TLS.</translation>
    </message>
    <message>
        <source>With --profile every message is stored before it is answered 2xx.</source>
        <translation>Mit --profile wird jede Nachricht vor der 2xx-Antwort gespeichert.</translation>
    </message>
    <message>
        <source>Example: %1 listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5080</source>
        <translation>Beispiel: %1 listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5080</translation>
    </message>
    <message>
        <source>Example: TIDINGS_PW=... %1 listen --aor sip:bob@example.com</source>
        <translation>Beispiel: TIDINGS_PW=... %1 listen --aor sip:bob@example.com</translation>
    </message>
    <message>
        <source>Send one message and print {&quot;event&quot;:&quot;result&quot;,&quot;status&quot;:200,...},</source>
        <translation>Sendet eine Nachricht und gibt {&quot;event&quot;:&quot;result&quot;,&quot;status&quot;:200,...} aus</translation>
    </message>
    <message>
        <source>or {&quot;event&quot;:&quot;result&quot;,&quot;error&quot;:&quot;timeout&quot;|&quot;&lt;why&gt;&quot;} without a final</source>
        <translation>bzw. {&quot;event&quot;:&quot;result&quot;,&quot;error&quot;:&quot;timeout&quot;|&quot;&lt;Grund&gt;&quot;}, wenn keine endgültige</translation>
    </message>
    <message>
        <source>response. --timeout defaults to 32 s (Timer F). Passwords come from</source>
        <translation>Antwort kommt. --timeout: Vorgabe 32 s (Timer F). Passwörter stammen aus</translation>
    </message>
    <message>
        <source>the environment variable named by --password-env, never the command</source>
        <translation>der Umgebungsvariablen, die --password-env nennt, nie aus der</translation>
    </message>
    <message>
        <source>line.</source>
        <translation>Befehlszeile.</translation>
    </message>
    <message>
        <source>Example: %1 send --from sip:alice@127.0.0.1 --to sip:bob@127.0.0.1:5080 --text &quot;Hello&quot;</source>
        <translation>Beispiel: %1 send --from sip:alice@127.0.0.1 --to sip:bob@127.0.0.1:5080 --text &quot;Hallo&quot;</translation>
    </message>
    <message>
        <source>Print the stored messages as JSON lines, oldest first:</source>
        <translation>Gibt die gespeicherten Nachrichten als JSON-Zeilen aus, älteste zuerst:</translation>
    </message>
    <message>
        <source>{&quot;event&quot;:&quot;history&quot;,&quot;id&quot;:42,&quot;direction&quot;:&quot;in&quot;,&quot;peer&quot;:...,&quot;body&quot;:...,</source>
        <translation>{&quot;event&quot;:&quot;history&quot;,&quot;id&quot;:42,&quot;direction&quot;:&quot;in&quot;,&quot;peer&quot;:...,&quot;body&quot;:...,</translation>
    </message>
    <message>
        <source>&quot;content_type&quot;:...,&quot;state&quot;:&quot;received&quot;,&quot;call_id&quot;:...,&quot;time&quot;:...}.</source>
        <translation>&quot;content_type&quot;:...,&quot;state&quot;:&quot;received&quot;,&quot;call_id&quot;:...,&quot;time&quot;:...}.</translation>
    </message>
    <message>
        <source>time is when it was received (&quot;in&quot;) or written (&quot;out&quot;); &quot;out&quot;</source>
        <translation>time ist der Zeitpunkt des Empfangs (&quot;in&quot;) bzw. des Schreibens (&quot;out&quot;);</translation>
    </message>
    <message>
        <source>has state queued, sending, sent, accepted or failed (with &quot;status&quot;</source>
        <translation>&quot;out&quot; hat den state queued, sending, sent, accepted oder failed (mit</translation>
    </message>
    <message>
        <source>and &quot;reason&quot;). --with URI: only the conversation with that contact</source>
        <translation>&quot;status&quot; und &quot;reason&quot;). --with URI: nur die Unterhaltung mit diesem Kontakt</translation>
    </message>
    <message>
        <source>(any spelling of its address); --limit N: only the newest N.</source>
        <translation>(in jeder Schreibweise seiner Adresse); --limit N: nur die neuesten N.</translation>
    </message>
    <message>
        <source>Full-text search: the best matches first, as history lines plus</source>
        <translation>Volltextsuche: die besten Treffer zuerst, als Zeilen wie bei history, dazu</translation>
    </message>
    <message>
        <source>&quot;snippet&quot; with the matches in [brackets]. QUERY is plain words</source>
        <translation>&quot;snippet&quot; mit den Fundstellen in [Klammern]. QUERY besteht aus einfachen</translation>
    </message>
    <message>
        <source>(quotes, *, -, : and NEAR are just characters); Chinese and Japanese</source>
        <translation>Wörtern (Anführungszeichen, *, -, : und NEAR sind gewöhnliche Zeichen);</translation>
    </message>
    <message>
        <source>text is found too. DATE is 2026-01-31 (a whole day, UTC) or</source>
        <translation>auch chinesischer und japanischer Text wird gefunden. DATE ist 2026-01-31</translation>
    </message>
    <message>
        <source>2026-01-31T18:00:00Z. --limit defaults to %1 (at most %2).</source>
        <translation>(ganzer Tag, UTC) oder 2026-01-31T18:00:00Z. --limit: Vorgabe %1 (max. %2).</translation>
    </message>
    <message>
        <source>Example: %1 search --profile ~/tidings --with sip:bob@example.com lunch</source>
        <translation>Beispiel: %1 search --profile ~/tidings --with sip:bob@example.com Mittagessen</translation>
    </message>
    <message>
        <source>The profile directory with the message history</source>
        <translation>Das Profilverzeichnis mit dem Nachrichtenverlauf</translation>
    </message>
    <message>
        <source>(default: the environment variable TIDINGS_PROFILE;</source>
        <translation>(Vorgabe: die Umgebungsvariable TIDINGS_PROFILE;</translation>
    </message>
    <message>
        <source>without either nothing is stored). listen stores what</source>
        <translation>fehlt beides, wird nichts gespeichert). listen speichert,</translation>
    </message>
    <message>
        <source>it receives, send what it sends; one process at a time</source>
        <translation>was es empfängt, send, was es sendet; nur ein Prozess zugleich</translation>
    </message>
    <message>
        <source>may write a profile, while history and search read it.</source>
        <translation>darf in ein Profil schreiben; history und search lesen es dabei.</translation>
    </message>
    <message>
        <source>Exit status: 0 success (2xx; history and search also with no results);</source>
        <translation>Exit-Status: 0 Erfolg (2xx; bei history und search auch ohne Ergebnisse);</translation>
    </message>
    <message>
        <source>1 a final non-2xx response, a bind or TLS failure, or no readable history</source>
        <translation>1 endgültige Antwort außer 2xx, Bind- oder TLS-Fehler oder kein lesbarer Verlauf</translation>
    </message>
    <message>
        <source>2 usage error; 3 timeout or transport failure.</source>
        <translation>2 Aufruffehler; 3 Zeitüberschreitung oder Transportfehler.</translation>
    </message>
    <message>
        <source>Write all history, or the conversations with one contact (--with,</source>
        <translation>Schreibt den ganzen Verlauf oder den mit einem Kontakt (--with, in jeder</translation>
    </message>
    <message>
        <source>any spelling of its address), as JSON (&quot;format&quot;:&quot;tidings-history&quot;,</source>
        <translation>Schreibweise seiner Adresse) als JSON (&quot;format&quot;:&quot;tidings-history&quot;, eine</translation>
    </message>
    <message>
        <source>one message per line; import reads it back) or as plain text for</source>
        <translation>Nachricht je Zeile; import liest es wieder ein) oder als Text zum Lesen.</translation>
    </message>
    <message>
        <source>people. To standard output, or to FILE: written completely first,</source>
        <translation>Auf die Standardausgabe oder in FILE: erst ganz geschrieben, ersetzt nie</translation>
    </message>
    <message>
        <source>never replacing an existing FILE. Works while a writer runs.</source>
        <translation>eine vorhandene FILE. Läuft auch neben einem schreibenden Prozess.</translation>
    </message>
    <message>
        <source>Example: %1 export --profile ~/tidings --output history.json</source>
        <translation>Beispiel: %1 export --profile ~/tidings --output history.json</translation>
    </message>
    <message>
        <source>Add the messages of a JSON export to the profile (created when</source>
        <translation>Fügt die Nachrichten eines JSON-Exports dem Profil hinzu (wird bei Bedarf</translation>
    </message>
    <message>
        <source>missing) and print {&quot;event&quot;:&quot;import&quot;,&quot;added&quot;:N,&quot;skipped&quot;:M,</source>
        <translation>angelegt) und gibt {&quot;event&quot;:&quot;import&quot;,&quot;added&quot;:N,&quot;skipped&quot;:M,&quot;failed&quot;:F}</translation>
    </message>
    <message>
        <source>&quot;failed&quot;:F}. Messages already there are skipped, so importing a</source>
        <translation>aus. Vorhandene Nachrichten werden übersprungen, ein zweiter Import</translation>
    </message>
    <message>
        <source>file twice adds nothing. A file that is not an export changes</source>
        <translation>derselben Datei fügt also nichts hinzu. Ist die Datei kein Export, ändert</translation>
    </message>
    <message>
        <source>nothing. Refused while another program writes the profile.</source>
        <translation>sich nichts. Abgelehnt, solange ein anderes Programm ins Profil schreibt.</translation>
    </message>
    <message>
        <source>(no profile given, no database yet, a damaged or newer database), an</source>
        <translation>(kein Profil angegeben, Datenbank fehlt noch, ist beschädigt oder zu neu),</translation>
    </message>
    <message>
        <source>export that cannot be written, or an import file that is not an export;</source>
        <translation>ein nicht schreibbarer Export oder eine Importdatei, die kein Export ist;</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 erwartet keinen Wert.</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;.</source>
        <translation>unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a SIP URI (like sip:alice@example.com)%3.</source>
        <translation>%1: „%2“ ist keine SIP-URI (wie sip:alice@example.com)%3.</translation>
    </message>
    <message>
        <source>--password-env: the environment variable %1 is not set.</source>
        <translation>--password-env: Die Umgebungsvariable %1 ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>--bind &quot;%1&quot;: %2 (expected T:HOST:PORT, e.g. udp:127.0.0.1:5080 or tcp:[::1]:0).</source>
        <translation>--bind „%1“: %2 (erwartet wird T:HOST:PORT, z. B. udp:127.0.0.1:5080 oder tcp:[::1]:0).</translation>
    </message>
    <message>
        <source>missing part</source>
        <translation>ein Teil fehlt</translation>
    </message>
    <message>
        <source>the transport must be udp, tcp or tls</source>
        <translation>der Transport muss udp, tcp oder tls sein</translation>
    </message>
    <message>
        <source>put an IPv6 address in brackets</source>
        <translation>eine IPv6-Adresse gehört in eckige Klammern</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>the port must be 0 to 65535</source>
        <translation>der Port muss zwischen 0 und 65535 liegen</translation>
    </message>
    <message>
        <source>listen needs --aor URI (the address to receive for).</source>
        <translation>listen braucht --aor URI (die Adresse, für die empfangen wird).</translation>
    </message>
    <message>
        <source>listen needs at least one --bind T:HOST:PORT.</source>
        <translation>listen braucht mindestens ein --bind T:HOST:PORT.</translation>
    </message>
    <message>
        <source>%1 only applies with --register.</source>
        <translation>%1 gilt nur zusammen mit --register.</translation>
    </message>
    <message>
        <source>--register: no registrar can be derived from --aor %1; give --registrar URI.</source>
        <translation>--register: Aus --aor %1 lässt sich kein Registrar ableiten; --registrar URI muss angegeben werden.</translation>
    </message>
    <message>
        <source>--keepalive must be a whole number of seconds from 0 (off) to 3600, not &quot;%1&quot;.</source>
        <translation>--keepalive muss eine ganze Zahl von Sekunden zwischen 0 (aus) und 3600 sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key müssen zusammen angegeben werden.</translation>
    </message>
    <message>
        <source>send needs %1 URI.</source>
        <translation>send braucht %1 URI.</translation>
    </message>
    <message>
        <source>send needs exactly one of --text TEXT or --file PATH.</source>
        <translation>send braucht genau eines von --text TEXT oder --file PATH.</translation>
    </message>
    <message>
        <source>--file: cannot read %1: %2</source>
        <translation>--file: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--transport must be udp, tcp or tls.</source>
        <translation>--transport muss udp, tcp oder tls sein.</translation>
    </message>
    <message>
        <source>--to is a sips: URI, which needs TLS on every hop; --transport %1 rules that out (use --transport tls, or leave --transport out).</source>
        <translation>--to ist eine sips:-URI, die auf jedem Hop TLS verlangt; --transport %1 schließt das aus (--transport tls verwenden oder --transport weglassen).</translation>
    </message>
    <message>
        <source>--timeout must be 1 to 3600 seconds.</source>
        <translation>--timeout muss zwischen 1 und 3600 Sekunden liegen.</translation>
    </message>
    <message>
        <source>--with: &quot;%1&quot; is not a contact address (like sip:alice@example.com).</source>
        <translation>--with: „%1“ ist keine Kontaktadresse (wie sip:alice@example.com).</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to %1.</source>
        <translation>--limit muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a date (like 2026-01-31 or 2026-01-31T18:00:00Z).</source>
        <translation>%1: „%2“ ist kein Datum (wie 2026-01-31 oder 2026-01-31T18:00:00Z).</translation>
    </message>
    <message>
        <source>--since must be before --until.</source>
        <translation>--since muss vor --until liegen.</translation>
    </message>
    <message>
        <source>search needs QUERY: the words to look for.</source>
        <translation>search braucht QUERY: die Wörter, nach denen gesucht wird.</translation>
    </message>
    <message>
        <source>--format must be json or text, not &quot;%1&quot;.</source>
        <translation>--format muss json oder text sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>import needs FILE: a JSON export of tidings-cli export.</source>
        <translation>import braucht FILE: einen JSON-Export von tidings-cli export.</translation>
    </message>
    <message>
        <source>import takes one FILE, not %1.</source>
        <translation>import erwartet genau ein FILE, nicht %1.</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>%1 already exists; it was left unchanged. Choose another file name or remove it first.</source>
        <translation>%1 existiert bereits und bleibt unverändert. Einen anderen Dateinamen wählen oder die Datei zuerst entfernen.</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>no profile was given. Name the profile directory with --profile DIR or the environment variable %1 (the directory that &quot;tidings-cli listen --profile DIR&quot; stores into).</source>
        <translation>es wurde kein Profil angegeben. Das Profilverzeichnis mit --profile DIR oder der Umgebungsvariablen %1 angeben (das Verzeichnis, in das „tidings-cli listen --profile DIR“ speichert).</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>%1 is empty, not a Tidings history export.</source>
        <translation>%1 ist leer und kein Verlaufsexport von Tidings.</translation>
    </message>
    <message>
        <source>%1 is a plain-text export, which is for reading; only a JSON export (tidings-cli export --format json) can be imported.</source>
        <translation>%1 ist ein Textexport, der zum Lesen gedacht ist; importieren lässt sich nur ein JSON-Export (tidings-cli export --format json).</translation>
    </message>
    <message>
        <source>%1 ends too early (JSON error at byte %2: %3); it is probably a truncated copy of an export.</source>
        <translation>%1 endet zu früh (JSON-Fehler bei Byte %2: %3); vermutlich handelt es sich um eine abgeschnittene Kopie eines Exports.</translation>
    </message>
    <message>
        <source>%1 is not a Tidings history export (JSON error at byte %2: %3).</source>
        <translation>%1 ist kein Verlaufsexport von Tidings (JSON-Fehler bei Byte %2: %3).</translation>
    </message>
    <message>
        <source>%1 is JSON but not a Tidings history export (it has no &quot;format&quot;:&quot;%2&quot;).</source>
        <translation>%1 ist JSON, aber kein Verlaufsexport von Tidings (es fehlt &quot;format&quot;:&quot;%2&quot;).</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Tidings (format version %2); update Tidings to import it.</source>
        <translation>%1 wurde von einer neueren Version von Tidings geschrieben (Formatversion %2); zum Importieren Tidings aktualisieren.</translation>
    </message>
    <message>
        <source>%1 has no &quot;messages&quot; list; it is not a complete export.</source>
        <translation>%1 enthält keine Liste &quot;messages&quot; und ist daher kein vollständiger Export.</translation>
    </message>
    <message>
        <source>no profile was given. Name the profile directory to import into with --profile DIR or the environment variable %1.</source>
        <translation>es wurde kein Profil angegeben. Das Profilverzeichnis, in das importiert werden soll, mit --profile DIR oder der Umgebungsvariablen %1 angeben.</translation>
    </message>
    <message>
        <source>%1 is a directory, not an export file.</source>
        <translation>%1 ist ein Verzeichnis, keine Exportdatei.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of the file could not be imported (see &quot;problems&quot;).</source>
        <translation>
            <numerusform>%n Nachricht der Datei konnte nicht importiert werden (siehe &quot;problems&quot;).</numerusform>
            <numerusform>%n Nachrichten der Datei konnten nicht importiert werden (siehe &quot;problems&quot;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListenCommand</name>
    <message>
        <source>TLS setup failed: %1</source>
        <translation>TLS-Einrichtung fehlgeschlagen: %1</translation>
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
    <name>SendCommand</name>
    <message>
        <source>TLS setup failed: %1</source>
        <translation>TLS-Einrichtung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot open any local socket to send from.</source>
        <translation>es lässt sich kein lokaler Socket zum Senden öffnen.</translation>
    </message>
    <message>
        <source>the message is not UTF-8 text; a profile stores text only. Send it without --profile, or convert it to UTF-8.</source>
        <translation>die Nachricht ist kein UTF-8-Text; ein Profil speichert nur Text. Ohne --profile senden oder nach UTF-8 umwandeln.</translation>
    </message>
    <message>
        <source>the result could not be recorded in the profile: %1</source>
        <translation>das Ergebnis konnte nicht im Profil festgehalten werden: %1</translation>
    </message>
    <message>
        <source>the message stays in the outbox unsent: %1</source>
        <translation>die Nachricht bleibt ungesendet im Postausgang: %1</translation>
    </message>
    <message>
        <source>no answer within %1 seconds</source>
        <translation>keine Antwort innerhalb von %1 Sekunden</translation>
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
<context>
    <name>tidings::RegistrationPrinter</name>
    <message>
        <source>registration of %1 failed: %2; trying again in %3 s</source>
        <translation>Registrierung von %1 fehlgeschlagen: %2; neuer Versuch in %3 s</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>hanji::DateTreeModel</name>
    <message numerus="yes">
        <source>%Ln papers, %L1 unread</source>
        <translation>
            <numerusform>%Ln paper, %L1 unread</numerusform>
            <numerusform>%Ln papers, %L1 unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::ExportDialog</name>
    <message numerus="yes">
        <source>Reading list (%Ln bookmarked)</source>
        <translation>
            <numerusform>Reading list (%Ln bookmarked)</numerusform>
            <numerusform>Reading list (%Ln bookmarked)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview: all %Ln papers</source>
        <translation>
            <numerusform>Preview: %Ln paper</numerusform>
            <numerusform>Preview: all %Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview: the first %L1 of %Ln papers</source>
        <translation>
            <numerusform>Preview: the first %L1 of %Ln paper</numerusform>
            <numerusform>Preview: the first %L1 of %Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln papers as %1.</source>
        <translation>
            <numerusform>Copied %Ln paper as %1.</numerusform>
            <numerusform>Copied %Ln papers as %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::ImportController</name>
    <message numerus="yes">
        <source>Import cancelled (%Ln files read).</source>
        <translation>
            <numerusform>Import cancelled (%Ln file read).</numerusform>
            <numerusform>Import cancelled (%Ln files read).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %Ln files (%L1 unchanged, %L2 removed), %L3 ms.</source>
        <translation>
            <numerusform>Read %Ln file (%L1 unchanged, %L2 removed), %L3 ms.</numerusform>
            <numerusform>Read %Ln files (%L1 unchanged, %L2 removed), %L3 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warnings</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable files</source>
        <translation>
            <numerusform>%Ln unreadable file</numerusform>
            <numerusform>%Ln unreadable files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::InsightsView</name>
    <message numerus="yes">
        <source>%Ln papers</source>
        <translation>
            <numerusform>%Ln paper</numerusform>
            <numerusform>%Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::MainWindow</name>
    <message numerus="yes">
        <source>%L1 of %Ln papers</source>
        <extracomment>The status bar: how many papers the list shows (%L1) of all in the library (%Ln).</extracomment>
        <translation>
            <numerusform>%L1 of %Ln paper</numerusform>
            <numerusform>%L1 of %Ln papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln links.</source>
        <translation>
            <numerusform>Copied %Ln link.</numerusform>
            <numerusform>Copied %Ln links.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::NewsController</name>
    <message numerus="yes">
        <source>Every %n Hours</source>
        <translation>
            <numerusform>Every Hour</numerusform>
            <numerusform>Every %n Hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %Ln files from git.</source>
        <translation>
            <numerusform>Updated %Ln file from git.</numerusform>
            <numerusform>Updated %Ln files from git.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new papers</source>
        <translation>
            <numerusform>%Ln new paper</numerusform>
            <numerusform>%Ln new papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hanji: %n new papers</source>
        <extracomment>The notification&apos;s title; %n is how many papers arrived.</extracomment>
        <translation>
            <numerusform>Hanji: %n new paper</numerusform>
            <numerusform>Hanji: %n new papers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match &apos;%1&apos;</source>
        <extracomment>In the notification: %n of the new papers match the saved search %1.</extracomment>
        <translation>
            <numerusform>%n matches &apos;%1&apos;</numerusform>
            <numerusform>%n match &apos;%1&apos;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::PaperHtml</name>
    <message numerus="yes">
        <source>and %n others</source>
        <extracomment>Folded authors in the summary pane: &quot;A, B, … and 28 others&quot;; the list unfolds on a click.</extracomment>
        <translation>
            <numerusform>and %n other</numerusform>
            <numerusform>and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::PaperListModel</name>
    <message numerus="yes">
        <source>%1 and %n others</source>
        <extracomment>The authors column: &quot;A, B, C and 2 others&quot;; %1 is the first names, %n how many more.</extracomment>
        <translation>
            <numerusform>%1 and %n other</numerusform>
            <numerusform>%1 and %n others</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::SyncController</name>
    <message numerus="yes">
        <source>%n bookmarks</source>
        <translation>
            <numerusform>%n bookmark</numerusform>
            <numerusform>%n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removals</source>
        <translation>
            <numerusform>%n removal</numerusform>
            <numerusform>%n removals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag edits</source>
        <translation>
            <numerusform>%n tag edit</numerusform>
            <numerusform>%n tag edits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read marks</source>
        <translation>
            <numerusform>%n read mark</numerusform>
            <numerusform>%n read marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved searches</source>
        <translation>
            <numerusform>%n saved search</numerusform>
            <numerusform>%n saved searches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread marks</source>
        <translation>
            <numerusform>%n unread mark</numerusform>
            <numerusform>%n unread marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other changes</source>
        <translation>
            <numerusform>%n other change</numerusform>
            <numerusform>%n other changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n damaged files: %1</source>
        <translation>
            <numerusform>Skipped %n damaged file: %1</numerusform>
            <numerusform>Skipped %n damaged files: %1</numerusform>
        </translation>
    </message>
</context>
</TS>

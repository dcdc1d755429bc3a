<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>hanji::AboutDialog</name>
    <message>
        <source>About Hanji</source>
        <translation>Hanji 정보</translation>
    </message>
    <message>
        <source>Hanji %1</source>
        <translation>Hanji %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)
QtWebEngine %3, Chromium %4
KDE Frameworks %5 (KSyntaxHighlighting)</source>
        <translation>Qt %1 (빌드 %2)
QtWebEngine %3, Chromium %4
KDE Frameworks %5 (KSyntaxHighlighting)</translation>
    </message>
    <message>
        <source>A reader for daily AI-paper digests.</source>
        <translation>매일 나오는 AI 논문 요약을 읽는 프로그램.</translation>
    </message>
    <message>
        <source>The digests are your own Markdown files: Hanji reads them and never changes them. Your bookmarks, notes and read state are kept in a library on this computer, in %1. Thumbnails are fetched from the links in the digests, only for the paper on screen, and can be turned off in the View menu.</source>
        <translation>요약은 여러분의 Markdown 파일입니다. Hanji는 읽기만 하고 고치지 않습니다. 북마크, 메모와 읽음 상태는 이 컴퓨터의 라이브러리(%1)에 보관됩니다. 썸네일은 화면에 보이는 논문에 한해 요약의 링크에서 받아 오며, 보기 메뉴에서 끌 수 있습니다.</translation>
    </message>
    <message>
        <source>Licensed under the &lt;a href=&quot;%1&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or later.</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;GNU 일반 공중 사용 허가서&lt;/a&gt; 버전 3 또는 그 이후 버전으로 배포됩니다.</translation>
    </message>
</context>
<context>
    <name>hanji::AddArchiveDialog</name>
    <message>
        <source>Add Archive from URL</source>
        <translation>URL에서 아카이브 추가</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Hanji clones the git repository with the system git, imports it and can update it from then on (File › Update).</source>
        <translation>시스템의 git으로 저장소를 복제해 가져오고, 그다음부터는 업데이트할 수 있습니다(파일 › 업데이트).</translation>
    </message>
    <message>
        <source>Repository address:</source>
        <translation>저장소 주소:</translation>
    </message>
    <message>
        <source>Clone into:</source>
        <translation>복제할 폴더:</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Clone into Which Folder?</source>
        <translation>어느 폴더에 복제할까요?</translation>
    </message>
</context>
<context>
    <name>hanji::ArchiveController</name>
    <message>
        <source>Updating from git</source>
        <translation>git에서 업데이트 중</translation>
    </message>
    <message>
        <source>Cloning %1</source>
        <translation>%1 복제 중</translation>
    </message>
</context>
<context>
    <name>hanji::DateTreeModel</name>
    <message numerus="yes">
        <source>%Ln papers, %L1 unread</source>
        <translation>
            <numerusform>논문 %Ln편, 안 읽음 %L1편</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>안 읽음</translation>
    </message>
    <message>
        <source>All papers</source>
        <translation>모든 논문</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>북마크</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>year</comment>
        <extracomment>A year in the date tree, &quot;2024&quot;; Korean writes &quot;2024년&quot;.</extracomment>
        <translation>%1년</translation>
    </message>
    <message>
        <source>New</source>
        <extracomment>The date tree&apos;s node of the papers that arrived since the last session.</extracomment>
        <translation>새 논문</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>저장한 검색</translation>
    </message>
</context>
<context>
    <name>hanji::ExportDialog</name>
    <message>
        <source>Korean summaries</source>
        <translation>한국어 요약</translation>
    </message>
    <message>
        <source>Notes and tags</source>
        <translation>메모와 태그</translation>
    </message>
    <message>
        <source>Votes and dates</source>
        <translation>추천 수와 날짜</translation>
    </message>
    <message>
        <source>BOM for spreadsheets</source>
        <translation>스프레드시트용 BOM</translation>
    </message>
    <message>
        <source>Copy to Clipboard</source>
        <translation>클립보드에 복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Export Papers</source>
        <translation>논문 내보내기</translation>
    </message>
    <message>
        <source>As listed</source>
        <translation>목록 순서대로</translation>
    </message>
    <message>
        <source>In bookmark order</source>
        <translation>북마크한 순서</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Most votes first</source>
        <translation>추천 많은 순</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>제목순</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>순서:</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>포함:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message numerus="yes">
        <source>Reading list (%Ln bookmarked)</source>
        <translation>
            <numerusform>읽을 목록 (북마크 %Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Papers in the list (%L1)</source>
        <translation>목록에 보이는 논문 (%L1)</translation>
    </message>
    <message>
        <source>Selected papers (%L1)</source>
        <translation>선택한 논문 (%L1)</translation>
    </message>
    <message>
        <source>Nothing to export: the chosen list is empty.</source>
        <translation>내보낼 논문이 없습니다: 고른 대상이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Preview: 1 paper</source>
        <translation>미리 보기: 논문 1편</translation>
    </message>
    <message numerus="yes">
        <source>Preview: all %Ln papers</source>
        <translation>
            <numerusform>미리 보기: 논문 %Ln편 전체</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview: the first %L1 of %Ln papers</source>
        <translation>
            <numerusform>미리 보기: 논문 %Ln편 중 처음 %L1편</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 파일 (*.%2)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln papers as %1.</source>
        <translation>
            <numerusform>논문 %Ln편을 %1(으)로 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as BibTeX</source>
        <translation>BibTeX로 복사</translation>
    </message>
</context>
<context>
    <name>hanji::ExternalLink</name>
    <message>
        <source>Not opened: not a valid address (%1)</source>
        <translation>열지 않았습니다: 올바른 주소가 아닙니다 (%1)</translation>
    </message>
    <message>
        <source>Not opened: only web addresses (http, https) open in the browser (%1)</source>
        <translation>열지 않았습니다: 웹 주소(http, https)만 브라우저로 엽니다 (%1)</translation>
    </message>
    <message>
        <source>Not opened: the address has no host (%1)</source>
        <translation>열지 않았습니다: 주소에 호스트가 없습니다 (%1)</translation>
    </message>
    <message>
        <source>Could not open the browser (%1)</source>
        <translation>브라우저를 열지 못했습니다 (%1)</translation>
    </message>
</context>
<context>
    <name>hanji::FilterBar</name>
    <message>
        <source>Bookmarked only</source>
        <translation>북마크만</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>안 읽은 것만</translation>
    </message>
    <message>
        <source>Finds the papers that contain every word. &quot;Quotes&quot; find a phrase; title: and author: search that field only.</source>
        <translation>모든 단어가 들어 있는 논문을 찾습니다. &quot;따옴표&quot;는 구절로, title:·author:는 그 항목에서만 찾습니다.</translation>
    </message>
    <message>
        <source>Minimum votes</source>
        <translation>최소 추천 수</translation>
    </message>
    <message>
        <source>Minimum votes: 0 means no limit (papers without votes show too)</source>
        <translation>최소 추천 수: 0이면 제한 없음 (추천 수를 모르는 논문도 보입니다)</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Maximum votes</source>
        <translation>최대 추천 수</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>추천</translation>
    </message>
    <message>
        <source>to</source>
        <comment>between the minimum and the maximum votes</comment>
        <translation>~</translation>
    </message>
    <message>
        <source>Search papers (Ctrl+F)</source>
        <translation>제목·저자·요약 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Like bookmarks</source>
        <translation>북마크와 비슷한 논문</translation>
    </message>
    <message>
        <source>More like my reading list: the unread papers most like your bookmarks, best first</source>
        <translation>내 읽기 목록과 비슷한 논문: 북마크한 논문과 가장 비슷한 읽지 않은 논문을 비슷한 순서대로 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>hanji::HelpDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
</context>
<context>
    <name>hanji::ImportController</name>
    <message>
        <source>Import failed: %1</source>
        <translation>가져오기 실패: %1</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled (%Ln files read).</source>
        <translation>
            <numerusform>가져오기를 취소했습니다 (%Ln개 파일 읽음).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %Ln files (%L1 unchanged, %L2 removed), %L3 ms.</source>
        <translation>
            <numerusform>%Ln개 파일을 읽었습니다 (%L1개 그대로, %L2개 삭제됨), %L3 ms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warnings</source>
        <translation>
            <numerusform>경고 %Ln개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable files</source>
        <translation>
            <numerusform>읽지 못한 파일 %Ln개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::InsightsView</name>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Show every week again</source>
        <translation>모든 주를 다시 보기</translation>
    </message>
    <message>
        <source>The votes histogram on a logarithmic scale</source>
        <translation>투표 히스토그램을 로그 눈금으로</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>SVG로 내보내기…</translation>
    </message>
    <message>
        <source>Papers per week</source>
        <translation>주별 논문 수</translation>
    </message>
    <message>
        <source>Votes per day</source>
        <translation>일별 투표</translation>
    </message>
    <message>
        <source>Votes per entry</source>
        <translation>항목별 투표 분포</translation>
    </message>
    <message>
        <source>Most frequent authors</source>
        <translation>가장 많이 나온 저자</translation>
    </message>
    <message>
        <source>Most frequent title words</source>
        <translation>제목에 가장 많이 나온 단어</translation>
    </message>
    <message numerus="yes">
        <source>%Ln papers</source>
        <translation>
            <numerusform>논문 %Ln편</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>항목 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>투표</translation>
    </message>
    <message>
        <source>Week %1 ✕</source>
        <extracomment>The button that lifts a week filter; %1 is the ISO week, like 2024-W05.</extracomment>
        <translation>%1 주 ✕</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Hanji Insights</source>
        <translation>Hanji 인사이트</translation>
    </message>
    <message>
        <source>Cannot write %1 as PNG</source>
        <translation>%1을(를) PNG로 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export Insights</source>
        <translation>인사이트 내보내기</translation>
    </message>
</context>
<context>
    <name>hanji::MainWindow</name>
    <message>
        <source>Open a folder of Daily Papers digests with File › Open Folder (Ctrl+O).</source>
        <translation>파일 › 폴더 열기(Ctrl+O)로 Daily Papers 요약 폴더를 여세요.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Markdown Source</source>
        <translation>원문 Markdown</translation>
    </message>
    <message>
        <source>Importing %v/%m</source>
        <translation>가져오는 중 %v/%m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stops the import. The files already read stay.</source>
        <translation>가져오기를 멈춥니다. 이미 읽은 파일은 남습니다.</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>폴더가 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln papers</source>
        <extracomment>The status bar: how many papers the list shows (%L1) of all in the library (%Ln).</extracomment>
        <translation>
            <numerusform>논문 %Ln개 중 %L1개</numerusform>
        </translation>
    </message>
    <message>
        <source>Bookmarked.</source>
        <translation>북마크했습니다.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>북마크를 지웠습니다.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>A note on this paper (kept with its bookmark):</source>
        <translation>이 논문에 대한 메모 (북마크와 함께 저장됩니다):</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln links.</source>
        <translation>
            <numerusform>링크 %Ln개를 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a Folder of Paper Digests</source>
        <translation>논문 요약 폴더 열기</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>인사이트</translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation>라이브러리를 읽는 중…</translation>
    </message>
</context>
<context>
    <name>hanji::NewsController</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stops git. The folder stays as it was.</source>
        <translation>git을 멈춥니다. 폴더는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>When Hanji Starts</source>
        <translation>Hanji를 시작할 때</translation>
    </message>
    <message>
        <source>Never While Open</source>
        <translation>켜 있는 동안은 안 함</translation>
    </message>
    <message numerus="yes">
        <source>Every %n Hours</source>
        <translation>
            <numerusform>%n시간마다</numerusform>
        </translation>
    </message>
    <message>
        <source>Update cancelled; the folders are as they were.</source>
        <translation>업데이트를 취소했습니다. 폴더는 그대로입니다.</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>The archive could not be updated.</source>
        <translation>아카이브를 업데이트하지 못했습니다.</translation>
    </message>
    <message>
        <source>Update failed: %1</source>
        <translation>업데이트 실패: %1</translation>
    </message>
    <message>
        <source>Already up to date.</source>
        <translation>이미 최신입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Updated %Ln files from git.</source>
        <translation>
            <numerusform>git에서 파일 %Ln개를 업데이트했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Archive</source>
        <translation>아카이브 추가</translation>
    </message>
    <message>
        <source>The archive could not be cloned: %1</source>
        <translation>아카이브를 복제하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Cloned into %1; importing…</source>
        <translation>%1에 복제했습니다. 가져오는 중…</translation>
    </message>
    <message>
        <source>Git is busy; try again when it is done.</source>
        <translation>git이 작업 중입니다. 끝난 뒤에 다시 해 주세요.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new papers</source>
        <translation>
            <numerusform>새 논문 %Ln편</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hanji: %n new papers</source>
        <extracomment>The notification&apos;s title; %n is how many papers arrived.</extracomment>
        <translation>
            <numerusform>Hanji: 새 논문 %n편</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match &apos;%1&apos;</source>
        <extracomment>In the notification: %n of the new papers match the saved search %1.</extracomment>
        <translation>
            <numerusform>&apos;%1&apos;에 맞는 논문 %n편</numerusform>
        </translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>검색 저장</translation>
    </message>
    <message>
        <source>Name for the search &quot;%1&quot; and its filters:</source>
        <translation>검색 &quot;%1&quot;과 필터를 저장할 이름:</translation>
    </message>
    <message>
        <source>Saved the search &quot;%1&quot;.</source>
        <translation>검색 &quot;%1&quot;을 저장했습니다.</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>저장한 검색 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>Removed the saved search &quot;%1&quot;.</source>
        <translation>저장한 검색 &quot;%1&quot;을 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>hanji::Notifier</name>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
</context>
<context>
    <name>hanji::PaperHtml</name>
    <message numerus="yes">
        <source>and %n others</source>
        <extracomment>Folded authors in the summary pane: &quot;A, B, … and 28 others&quot;; the list unfolds on a click.</extracomment>
        <translation>
            <numerusform>외 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Source · %1</source>
        <extracomment>The link to a paper&apos;s own page when it has no arXiv id; %1 is the host.</extracomment>
        <translation>원문 · %1</translation>
    </message>
    <message>
        <source>▶ Video</source>
        <translation>▶ 동영상</translation>
    </message>
    <message>
        <source>Video: %1</source>
        <extracomment>A video address that is not a web link, shown as text.</extracomment>
        <translation>동영상: %1</translation>
    </message>
    <message>
        <source>As listed on %1 in %2</source>
        <extracomment>Heading of another digest&apos;s text of the same paper: %1 its date, %2 its file.</extracomment>
        <translation>%1 %2에 실린 내용</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>The heading of the reader&apos;s own note on a paper.</extracomment>
        <translation>메모</translation>
    </message>
    <message>
        <source>Related papers</source>
        <extracomment>The heading of the list of papers most like the one shown, under its summary.</extracomment>
        <translation>관련 논문</translation>
    </message>
</context>
<context>
    <name>hanji::PaperListModel</name>
    <message numerus="yes">
        <source>%1 and %n others</source>
        <extracomment>The authors column: &quot;A, B, C and 2 others&quot;; %1 is the first names, %n how many more.</extracomment>
        <translation>
            <numerusform>%1 외 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>북마크</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>추천</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>저자</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
</context>
<context>
    <name>hanji::ReaderActions</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent Folders</source>
        <translation>최근 폴더</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>논문(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>북마크(&amp;B)</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>메모 편집(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Mark Read/Unread</source>
        <translation>읽음/안 읽음(&amp;M)</translation>
    </message>
    <message>
        <source>Open on arXiv</source>
        <translation>arXiv에서 열기</translation>
    </message>
    <message>
        <source>Copy arXiv Link</source>
        <translation>arXiv 링크 복사</translation>
    </message>
    <message>
        <source>Mark All Here as Read</source>
        <translation>이 날짜 모두 읽음으로</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>검색(&amp;F)</translation>
    </message>
    <message>
        <source>Next Paper</source>
        <translation>다음 논문</translation>
    </message>
    <message>
        <source>Previous Paper</source>
        <translation>이전 논문</translation>
    </message>
    <message>
        <source>Page Down in the Summary</source>
        <translation>요약 한 쪽 넘기기</translation>
    </message>
    <message>
        <source>Page Up in the Summary</source>
        <translation>요약 한 쪽 앞으로</translation>
    </message>
    <message>
        <source>Load Remote Thumbnails</source>
        <translation>원격 썸네일 불러오기</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Hanji</source>
        <translation>Hanji 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>Updates the archive from git (when it is a git clone) and reads the folders again (F5)</source>
        <translation>아카이브가 git 복제본이면 git에서 업데이트하고, 폴더를 다시 읽습니다(F5)</translation>
    </message>
    <message>
        <source>&amp;Update from Git</source>
        <translation>git에서 업데이트(&amp;U)</translation>
    </message>
    <message>
        <source>Fetches the archive&apos;s new digests from its git remote, then imports them</source>
        <translation>아카이브의 git 원격 저장소에서 새 다이제스트를 받아 온 뒤 가져옵니다</translation>
    </message>
    <message>
        <source>&amp;Add Archive from URL…</source>
        <translation>URL에서 아카이브 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Update Automatically</source>
        <translation>자동 업데이트</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>검색 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Rename Saved Search…</source>
        <translation>저장한 검색 이름 바꾸기…</translation>
    </message>
    <message>
        <source>Remove Saved Search</source>
        <translation>저장한 검색 지우기</translation>
    </message>
</context>
<context>
    <name>hanji::SyncController</name>
    <message>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <source>Sync Folder…</source>
        <translation>동기화 폴더…</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Sync Folder: a folder another tool (Syncthing, Nextcloud, Dropbox…) already syncs</source>
        <translation>동기화 폴더: 다른 도구(Syncthing, Nextcloud, Dropbox…)가 이미 동기화하는 폴더</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <extracomment>What a sync brought in from one machine: &quot;3 bookmarks, 12 read marks from laptop&quot;.</extracomment>
        <translation>%2에서 %1</translation>
    </message>
    <message>
        <source>Synced %1: nothing new.</source>
        <translation>%1 동기화: 새로운 것 없음.</translation>
    </message>
    <message>
        <source>Synced %1: %2.</source>
        <translation>%1 동기화: %2.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>동기화 실패: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bookmarks</source>
        <translation>
            <numerusform>북마크 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removals</source>
        <translation>
            <numerusform>북마크 해제 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>메모 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag edits</source>
        <translation>
            <numerusform>태그 변경 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read marks</source>
        <translation>
            <numerusform>읽음 표시 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved searches</source>
        <translation>
            <numerusform>저장된 검색 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread marks</source>
        <translation>
            <numerusform>안 읽음 표시 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other changes</source>
        <translation>
            <numerusform>기타 변경 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n damaged files: %1</source>
        <translation>
            <numerusform>손상된 파일 %n개를 건너뜀: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hanji::SimilarityService</name>
    <message>
        <source>Still reading the library to compare papers; the list follows in a moment.</source>
        <translation>논문을 비교하려고 라이브러리를 읽는 중입니다. 잠시 후 목록이 나타납니다.</translation>
    </message>
    <message>
        <source>Bookmark a few papers first: the list then shows the unread ones most like them.</source>
        <translation>먼저 논문 몇 편을 북마크하세요. 그러면 그와 가장 비슷한 읽지 않은 논문을 보여 줍니다.</translation>
    </message>
</context>
</TS>

